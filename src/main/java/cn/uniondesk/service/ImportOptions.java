package cn.uniondesk.service;

/**
 * The clerk's choices for an import.
 *
 * @param validOnly         import the valid rows and leave the rejected ones out (default: all or nothing)
 * @param updateExisting    members whose ID number is already in the register get the changed
 *                          fields updated (default: such rows are skipped)
 * @param createDepartments departments named in the file but not in the register are created
 *                          (default: such rows are rejected)
 */
public record ImportOptions(boolean validOnly, boolean updateExisting, boolean createDepartments) {
    public static final ImportOptions DEFAULTS = new ImportOptions(false, false, false);
}
