package cn.yingji.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yingji.geo.Divisions;
import cn.yingji.monitoring.AlarmRaised;
import cn.yingji.monitoring.MonitoringAdministration;
import cn.yingji.monitoring.MonitoringPoint;
import cn.yingji.monitoring.Sensor;
import cn.yingji.monitoring.WarningLevel;
import cn.yingji.support.YingjiTest;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Readings published by a real MQTT client (Paho) become alarms: through the embedded broker, and through an
 * external broker running as a second process that the platform subscribes to.
 */
@YingjiTest
class MqttIngestTests {

    final MqttIngest mqtt;
    final IngestService ingest;
    final AlarmHub hub;
    final MonitoringAdministration admin;
    final Divisions divisions;
    final JdbcClient jdbc;

    MqttIngestTests(
            MqttIngest mqtt,
            IngestService ingest,
            AlarmHub hub,
            MonitoringAdministration admin,
            Divisions divisions,
            JdbcClient jdbc) {
        this.mqtt = mqtt;
        this.ingest = ingest;
        this.hub = hub;
        this.admin = admin;
        this.divisions = divisions;
        this.jdbc = jdbc;
        MonitoringFixture.JDBC = jdbc;
    }

    static void publish(String url, String topic, String payload) throws Exception {
        MqttClient c = new MqttClient(url, "test-" + UUID.randomUUID(), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        c.connect(o);
        c.publish(topic, new MqttMessage(payload.getBytes(StandardCharsets.UTF_8)) {
            {
                setQos(1);
            }
        });
        c.disconnect();
        c.close();
    }

    List<AlarmRaised> watch(Object key) {
        List<AlarmRaised> seen = new CopyOnWriteArrayList<>();
        hub.listen(key, seen::add);
        return seen;
    }

    @Test
    void aReadingPublishedToTheEmbeddedBrokerRaisesTheAlarm() throws Exception {
        MonitoringPoint p = MonitoringFixture.point(admin, divisions, MonitoringFixture.MINGGUANG, "MQ");
        Sensor s = MonitoringFixture.gasSensor(admin, p.id(), "MQ");
        Object key = new Object();
        List<AlarmRaised> seen = watch(key);
        try {
            assertThat(mqtt.port()).isPositive();
            publish("tcp://127.0.0.1:" + mqtt.port(), "yingji/readings/" + s.code(), "{\"value\":33.5}");
            Awaitility.await()
                    .atMost(Duration.ofSeconds(15))
                    .until(() -> seen.stream().anyMatch(a -> a.sensorCode().equals(s.code())));
            assertThat(seen)
                    .filteredOn(a -> a.sensorCode().equals(s.code()))
                    .singleElement()
                    .satisfies(a -> assertThat(a.level()).isEqualTo(WarningLevel.ORANGE));
            assertThat(jdbc.sql("select count(*) from monitoring.reading where sensor_id = :s")
                            .param("s", s.id())
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
            // garbage on the topic is dropped, not stored
            long dropped = mqtt.dropped();
            publish("tcp://127.0.0.1:" + mqtt.port(), "yingji/readings/" + s.code(), "not a number");
            Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> mqtt.dropped() > dropped);
        } finally {
            hub.unlisten(key);
        }
    }

    @Test
    void withAnExternalBrokerThePlatformSubscribesThroughPaho() throws Exception {
        MonitoringPoint p = MonitoringFixture.point(admin, divisions, MonitoringFixture.MINGGUANG, "EXT");
        Sensor s = MonitoringFixture.gasSensor(admin, p.id(), "EXT");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process broker = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        ExternalBrokerMain.class.getName(),
                        Integer.toString(port))
                .redirectErrorStream(true)
                .start();
        Object key = new Object();
        List<AlarmRaised> seen = watch(key);
        MqttIngest external = null;
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(broker.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.contains("READY")) {
                // broker start-up log
            }
            assertThat(line).as("external broker started").isNotNull();
            MonitoringProperties props = new MonitoringProperties();
            props.getMqtt().setMode("EXTERNAL");
            props.getMqtt().setUrl("tcp://127.0.0.1:" + port);
            props.getMqtt().setClientId("yingji-test-" + UUID.randomUUID());
            external = new MqttIngest(ingest, props);
            external.start();
            publish("tcp://127.0.0.1:" + port, "yingji/readings/" + s.code(), "{\"value\":41}");
            Awaitility.await()
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> seen.stream().anyMatch(a -> a.sensorCode().equals(s.code())));
            assertThat(seen)
                    .filteredOn(a -> a.sensorCode().equals(s.code()))
                    .singleElement()
                    .satisfies(a -> assertThat(a.level()).isEqualTo(WarningLevel.RED));
        } finally {
            hub.unlisten(key);
            if (external != null) {
                external.stop();
            }
            broker.getOutputStream().close();
            if (!broker.waitFor(10, TimeUnit.SECONDS)) {
                broker.destroyForcibly();
            }
        }
    }
}
