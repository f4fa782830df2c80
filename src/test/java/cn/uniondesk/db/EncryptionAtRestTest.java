package cn.uniondesk.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.uniondesk.domain.Gender;
import cn.uniondesk.domain.IdNumber;
import cn.uniondesk.domain.Member;
import cn.uniondesk.domain.MemberStatus;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptionAtRestTest {
    @TempDir
    Path dir;

    private static final String[] NAMES = {"欧阳明月", "司马青衫", "诸葛长风"};
    private static final String[] MOBILES = {"13912345671", "13912345672", "13912345673"};

    private static List<String> seed(Database db) {
        MemberRepository repo = new MemberRepository(db);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < NAMES.length; i++) {
            String body = "320505" + "1980010" + (i + 1) + "01" + (2 * i + 1);
            String id = body + IdNumber.checkChar(body);
            ids.add(id);
            repo.insert(new Member(null, NAMES[i], Gender.M, "汉族", IdNumber.parse(id), MOBILES[i], null, null, null,
                    null, null, false, null, LocalDate.of(2010, 1, 1), "CARD" + i, 500000L, MemberStatus.ACTIVE,
                    false, null, "住址：苏州市虎丘区某路" + i + "号"));
        }
        return ids;
    }

    private static void assertNoPlaintext(byte[] bytes, List<String> secrets) {
        String latin = new String(bytes, StandardCharsets.ISO_8859_1);
        for (String s : secrets) {
            assertThat(latin).as("UTF-8 of %s", s)
                    .doesNotContain(new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
            assertThat(latin).as("UTF-16 of %s", s)
                    .doesNotContain(new String(s.getBytes(StandardCharsets.UTF_16BE), StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void seededIdNumbersNamesAndMobilesAppearNowhereInTheFileOrABackup() throws Exception {
        KeyVault vault = new KeyVault(dir, 1000);
        byte[] key = vault.create("admin", "pw".toCharArray());
        List<String> secrets = new ArrayList<>();
        Path backup = dir.resolve("backup.zip");
        try (Database db = Database.open(dir, key)) {
            secrets.addAll(seed(db));
            db.backupTo(backup);
        }
        secrets.addAll(List.of(NAMES));
        secrets.addAll(List.of(MOBILES));

        assertNoPlaintext(Files.readAllBytes(dir.resolve(Database.FILE_NAME + ".mv.db")), secrets);
        assertNoPlaintext(Files.readAllBytes(backup), secrets);
        // the zip's entry, uncompressed, is the encrypted file: still no plaintext
        try (ZipInputStream zin = new ZipInputStream(Files.newInputStream(backup))) {
            ZipEntry e;
            int entries = 0;
            while ((e = zin.getNextEntry()) != null) {
                entries++;
                assertNoPlaintext(readAll(zin), secrets);
            }
            assertThat(entries).isPositive();
        }
    }

    @Test
    void theSameFileIsReadableWithTheKeyAndNotWithout() {
        byte[] key = new KeyVault(dir, 1000).create("admin", "pw".toCharArray());
        try (Database db = Database.open(dir, key)) {
            seed(db);
        }
        try (Database db = Database.open(dir, key)) {
            assertThat(new MemberRepository(db).count()).isEqualTo(3);
        }
        byte[] wrong = key.clone();
        wrong[0] ^= 1;
        assertThatThrownBy(() -> Database.open(dir, wrong)).isNotNull();
        assertThatThrownBy(() -> Database.open(dir)).isNotNull();
    }

    @Test
    void anUnencryptedDatabaseFromAnEarlierReleaseIsEncryptedInPlace() {
        try (Database db = Database.open(dir)) {
            seed(db);
        }
        byte[] key = new KeyVault(dir, 1000).create("admin", "pw".toCharArray());
        Database.encryptExisting(dir, key);
        try (Database db = Database.open(dir, key)) {
            assertThat(new MemberRepository(db).count()).isEqualTo(3);
        }
        List<String> secrets = new ArrayList<>(List.of(NAMES));
        secrets.addAll(List.of(MOBILES));
        try {
            assertNoPlaintext(Files.readAllBytes(dir.resolve(Database.FILE_NAME + ".mv.db")), secrets);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] readAll(InputStream in) throws java.io.IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }
}
