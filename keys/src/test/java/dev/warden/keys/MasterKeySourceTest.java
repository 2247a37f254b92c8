package dev.warden.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Where the master key comes from: the variable, the file, or a file generated once on the embedded default. */
@ExtendWith(OutputCaptureExtension.class)
class MasterKeySourceTest {

    @Test
    void generatedOnceOnTheEmbeddedDefaultWithAWarningAndReusedAfter(@TempDir Path dataDir, CapturedOutput output)
            throws Exception {
        Path file = dataDir.resolve("data").resolve("master.key");
        MasterKeySource first = new MasterKeySource(new KeysProperties("", "", file.toString()), true);
        assertThat(first.configured()).as("nothing is generated before a key is needed").isEmpty();
        assertThat(file).doesNotExist();

        MasterKey generated = first.require();
        String content = Files.readString(file, StandardCharsets.US_ASCII);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(output.getAll()).contains("WARN").contains("Generated master key " + generated.id())
                .contains(file.toAbsolutePath().toString()).contains("WARDEN_MASTER_KEY_FILE")
                .doesNotContain(content.strip());

        MasterKeySource second = new MasterKeySource(new KeysProperties("", "", file.toString()), true);
        assertThat(second.configured()).hasValueSatisfying(key -> assertThat(key.id()).isEqualTo(generated.id()));
        assertThat(second.require().id()).isEqualTo(generated.id());
        assertThat(Files.readString(file, StandardCharsets.US_ASCII)).isEqualTo(content);
        assertThat(output.getAll().split("Generated master key", -1)).hasSize(2);
    }

    @Test
    void externalDatabaseGeneratesNothing(@TempDir Path dataDir) {
        Path file = dataDir.resolve("master.key");
        MasterKeySource source = new MasterKeySource(new KeysProperties("", "", file.toString()), false);
        assertThat(source.configured()).isEmpty();
        assertThatThrownBy(source::require).isInstanceOf(MasterKeyException.class)
                .hasMessageStartingWith("no master key: set WARDEN_MASTER_KEY or WARDEN_MASTER_KEY_FILE");
        assertThat(file).doesNotExist();
    }

    @Test
    void variableThenFileAndTheirIdIsAShortFingerprint(@TempDir Path dir) throws Exception {
        String base64 = MasterKey.generateBase64();
        Path file = dir.resolve("key");
        Files.writeString(file, base64 + "\n");
        MasterKey fromVariable = new MasterKeySource(new KeysProperties(base64, "", "unused"), false).require();
        MasterKey fromFile = new MasterKeySource(new KeysProperties("", file.toString(), "unused"), false).require();
        assertThat(fromFile.id()).isEqualTo(fromVariable.id()).matches("[0-9a-f]{16}");
        assertThat(fromVariable.toString()).doesNotContain(base64);
    }

    @Test
    void malformedKeyNamesTheVariableAndNotTheValue() {
        assertThatThrownBy(() -> new MasterKeySource(new KeysProperties("not base64!", "", "unused"), false).require())
                .isInstanceOf(MasterKeyException.class).hasMessageStartingWith("WARDEN_MASTER_KEY is not base64")
                .hasMessageNotContaining("not base64!");
        assertThatThrownBy(() -> new MasterKeySource(new KeysProperties("c2hvcnQ=", "", "unused"), false).require())
                .isInstanceOf(MasterKeyException.class)
                .hasMessage("WARDEN_MASTER_KEY must be 32 bytes in base64, got 5 bytes");
    }
}
