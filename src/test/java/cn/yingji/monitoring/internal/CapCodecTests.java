package cn.yingji.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.yingji.shared.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CAP reading and writing: the official examples round trip, output validates, hostile input is refused. */
class CapCodecTests {

    static byte[] example(String name) throws IOException {
        try (InputStream in = CapCodecTests.class.getResourceAsStream("/monitoring/cap/" + name)) {
            return in.readAllBytes();
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "v1dot2_appendix_adot1.xml",
                "v1dot2_appendix_adot2.xml",
                "v1dot2_appendix_adot3.xml",
                "v1dot2_appendix_adot4.xml"
            })
    void officialExamplesRoundTripAndTheOutputValidates(String name) throws IOException {
        CapAlert parsed = CapCodec.parse(example(name), 1 << 20);
        String written = CapCodec.write(parsed);
        assertThat(CapCodec.validate(written)).isEmpty();
        CapAlert again = CapCodec.parse(written.getBytes(StandardCharsets.UTF_8), 1 << 20);
        assertThat(again).isEqualTo(parsed);
        assertThat(written).contains("<identifier>" + parsed.identifier() + "</identifier>");
    }

    @Test
    void theExamplesKeepTheirDetails() throws IOException {
        CapAlert a2 = CapCodec.parse(example("v1dot2_appendix_adot2.xml"), 1 << 20);
        assertThat(a2.sent().toString()).isEqualTo("2003-06-17T14:57-07:00");
        assertThat(a2.infos().get(0).areas().get(0).polygons())
                .containsExactly("38.47,-120.14 38.34,-119.95 38.52,-119.74 38.62,-119.89 38.47,-120.14");
        assertThat(a2.infos().get(0).areas().get(0).geocodes()).hasSize(3);
        CapAlert a3 = CapCodec.parse(example("v1dot2_appendix_adot3.xml"), 1 << 20);
        assertThat(a3.references()).isEqualTo("trinet@caltech.edu,TRI13970876.1,2003-06-11T20:30:00-07:00");
        assertThat(a3.infos().get(0).areas().get(0).circles()).containsExactly("32.9525,-115.5527 0");
        CapAlert a4 = CapCodec.parse(example("v1dot2_appendix_adot4.xml"), 1 << 20);
        assertThat(a4.infos()).extracting(CapAlert.Info::language).containsExactly("en-US", "es-US");
    }

    @Test
    void timesAreWrittenWithoutZOrFractions() {
        assertThat(CapCodec.formatTime(java.time.OffsetDateTime.parse("2026-11-29T10:00:00.123+08:00")))
                .isEqualTo("2026-11-29T10:00:00+08:00");
        assertThat(CapCodec.formatTime(java.time.OffsetDateTime.parse("2026-11-29T02:00:00Z")))
                .isEqualTo("2026-11-29T02:00:00-00:00");
    }

    @Test
    void anExternalEntityIsRefusedWithoutTouchingTheFileSystemOrNetwork(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "top secret");
        AtomicBoolean contacted = new AtomicBoolean();
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress("127.0.0.1", 0));
            Thread t = new Thread(() -> {
                try {
                    server.accept().close();
                    contacted.set(true);
                } catch (IOException ignored) {
                    // closed at the end of the test
                }
            });
            t.setDaemon(true);
            t.start();
            String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE alert [\n"
                    + "<!ENTITY file SYSTEM \"" + secret.toUri() + "\">\n"
                    + "<!ENTITY net SYSTEM \"http://127.0.0.1:" + server.getLocalPort() + "/x\">\n"
                    + "<!ENTITY % p SYSTEM \"http://127.0.0.1:" + server.getLocalPort() + "/p.dtd\"> %p;\n"
                    + "]>\n<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>&file;&net;</identifier>"
                    + "</alert>";
            long before = Files.getLastModifiedTime(secret).toMillis();
            assertThatThrownBy(() -> CapCodec.parse(xxe.getBytes(StandardCharsets.UTF_8), 1 << 20))
                    .isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors())
                            .extracting(f -> f.messageKey())
                            .containsExactly("monitoring.error.capDoctype"));
            Thread.sleep(200); // give a (wrong) connection time to arrive; the assertion is on its absence
            assertThat(contacted).isFalse();
            assertThat(Files.getLastModifiedTime(secret).toMillis()).isEqualTo(before);
        }
    }

    @Test
    void emptyReferencesAndBadPolygonsAreReportedWithTheirPaths() {
        String xml = """
                <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
                  <identifier>X1</identifier><sender>s@x</sender><sent>2026-11-29T10:00:00+08:00</sent>
                  <status>Actual</status><msgType>Update</msgType><scope>Public</scope><references></references>
                  <info><category>Met</category><event>E</event><urgency>Expected</urgency><severity>Severe</severity>
                    <certainty>Likely</certainty>
                    <area><areaDesc>A</areaDesc><polygon>31,117 32,118 31,117</polygon></area></info>
                </alert>
                """;
        assertThatThrownBy(() -> CapCodec.parse(xml.getBytes(StandardCharsets.UTF_8), 1 << 20))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors())
                        .extracting(f -> f.field() + " " + f.messageKey())
                        .contains(
                                "/alert/references monitoring.error.capReferencesEmpty",
                                "/alert/info[1]/area[1]/polygon[1] monitoring.error.capPolygon"));
    }

    @Test
    void schemaViolationsAreReportedWithTheirLine() {
        String xml = """
                <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
                  <identifier>X1</identifier><sender>s@x</sender><sent>2026-11-29T10:00:00Z</sent>
                  <status>Actual</status><msgType>Alert</msgType><scope>Public</scope>
                </alert>
                """;
        assertThatThrownBy(() -> CapCodec.parse(xml.getBytes(StandardCharsets.UTF_8), 1 << 20))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors())
                        .extracting(f -> f.field())
                        .anyMatch(f -> f.startsWith("line 2:")));
    }

    @Test
    void cap11IsReadWithoutTheSchemaAndOversizedDocumentsAreRefused() {
        String xml = """
                <alert xmlns="urn:oasis:names:tc:emergency:cap:1.1">
                  <identifier>X11</identifier><sender>s@x</sender><sent>2026-11-29T10:00:00+08:00</sent>
                  <status>Actual</status><msgType>Alert</msgType><scope>Public</scope>
                  <info><category>Met</category><event>Rain</event><urgency>Expected</urgency>
                    <severity>Moderate</severity><certainty>Very Likely</certainty></info>
                </alert>
                """;
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        assertThat(CapCodec.parse(bytes, 1 << 20).version()).isEqualTo("1.1");
        assertThatThrownBy(() -> CapCodec.parse(bytes, 100))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors())
                        .extracting(f -> f.messageKey())
                        .containsExactly("monitoring.error.capTooLarge"));
    }
}
