package cn.yingji.monitoring.internal;

import io.moquette.broker.Server;
import io.moquette.broker.config.IConfig;
import io.moquette.broker.config.MemoryConfig;
import java.util.Properties;

/**
 * A stand-alone MQTT broker (Moquette) run as a separate process by {@link MqttIngestTests}, standing in for an
 * external Mosquitto or EMQX. Prints {@code READY} once listening and stops when its standard input closes.
 */
public final class ExternalBrokerMain {

    private ExternalBrokerMain() {}

    public static void main(String[] args) throws Exception {
        Properties p = new Properties();
        p.setProperty(IConfig.HOST_PROPERTY_NAME, "127.0.0.1");
        p.setProperty(IConfig.PORT_PROPERTY_NAME, args[0]);
        p.setProperty(IConfig.ALLOW_ANONYMOUS_PROPERTY_NAME, "true");
        p.setProperty(IConfig.PERSISTENCE_ENABLED_PROPERTY_NAME, "false");
        p.setProperty(IConfig.ENABLE_TELEMETRY_NAME, "false");
        p.setProperty(IConfig.WEB_SOCKET_PORT_PROPERTY_NAME, "disabled");
        Server server = new Server();
        server.startServer(new MemoryConfig(p));
        System.out.println("READY");
        System.out.flush();
        while (System.in.read() >= 0) {
            // wait until the parent closes our input
        }
        server.stopServer();
        System.exit(0);
    }
}
