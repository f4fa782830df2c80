package cn.uniondesk.ui.login;

import cn.uniondesk.domain.Account;

/**
 * What the login pages need from the application (implemented in {@code app}, where contexts are
 * opened): set up a data folder, open it as an account, change the password, check a password
 * again at the idle lock. The methods that open or check run in the background.
 */
public interface LoginGateway {
    /** True when the data folder has accounts (and an encrypted database). */
    boolean initialized();

    /** True when the folder was set up with the demo union's account. */
    boolean demoAccount();

    /** True when the folder holds an unencrypted database from an earlier release. */
    boolean hasUnencryptedData();

    /** The demo union's account name and initial password (shown as a hint on the login page). */
    String demoUser();

    String demoPassword();

    /** The data folder, for messages. */
    String dataFolder();

    /** Sets up the demo union and its account (closed again: the user logs in next). */
    void createDemo();

    /** Sets up this union with its first administrator and signs in as them. */
    Account create(String unionName, String orgCode, String adminUser, char[] password);

    /**
     * Opens the data folder as {@code user}.
     *
     * @throws LoginException for a wrong password, a locked account or a folder in use
     */
    Account login(String user, char[] password);

    /** The signed-in user changes their own password (service rules apply). */
    void changePassword(char[] oldPassword, char[] newPassword);

    /**
     * Checks {@code user}'s password again (the idle lock) without opening anything.
     *
     * @throws LoginException for a wrong password or a locked account
     */
    void verify(String user, char[] password);
}
