package cn.yingji.monitoring.internal;

import io.moquette.broker.Server;
import io.moquette.broker.config.IConfig;
import io.moquette.broker.config.MemoryConfig;
import io.moquette.interception.AbstractInterceptHandler;
import io.moquette.interception.messages.InterceptPublishMessage;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * MQTT ingestion. By default an embedded Moquette broker listens (port {@code yingji.monitoring.mqtt.port}) and its
 * publish interceptor takes readings from topics {@code <prefix><sensorCode>}; with {@code mode=EXTERNAL} a Paho
 * client subscribes to {@code <prefix>+} on the broker at {@code url}. Messages are buffered and written as batches
 * through the same ingest path as HTTP (COPY, in-memory rules, alarms). Unusable messages are counted and dropped.
 */
@Component
class MqttIngest implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(MqttIngest.class);

    private final IngestService ingest;
    private final MonitoringProperties props;
    /** Moquette's key for its interceptor pool (not in {@code IConfig} in 0.17). */
    private static final String INTERCEPT_THREAD_POOL_SIZE = "intercept.thread_pool.size";

    private final Object bufferLock = new Object();
    private IngestService.Batch buffer = new IngestService.Batch(1024);
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private volatile boolean running;
    private @Nullable Server broker;
    private @Nullable MqttClient client;
    private @Nullable ScheduledExecutorService flusher;
    private int port;

    MqttIngest(IngestService ingest, MonitoringProperties props) {
        this.ingest = ingest;
        this.props = props;
    }

    /** Port of the embedded broker (after start), or 0. */
    int port() {
        return port;
    }

    long received() {
        return received.get();
    }

    long dropped() {
        return dropped.get();
    }

    /** Readings handed to storage in committed batches (duplicates of stored readings included). */
    long written() {
        return written.get();
    }

    @Override
    public void start() {
        MonitoringProperties.Mqtt m = props.getMqtt();
        if (!m.isEnabled()) {
            return;
        }
        flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mqtt-ingest-flush");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(10, m.getFlushInterval().toMillis());
        flusher.scheduleWithFixedDelay(this::flushQuietly, every, every, TimeUnit.MILLISECONDS);
        try {
            if ("EXTERNAL".equals(m.getMode().toUpperCase(Locale.ROOT))) {
                connectExternal(m);
            } else {
                startEmbedded(m);
            }
            running = true;
        } catch (IOException | MqttException e) {
            throw new IllegalStateException("MQTT ingestion could not start: " + e.getMessage(), e);
        }
    }

    private void startEmbedded(MonitoringProperties.Mqtt m) throws IOException {
        port = m.getPort();
        if (port == 0) {
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
        }
        Properties p = new Properties();
        p.setProperty(IConfig.HOST_PROPERTY_NAME, m.getHost());
        p.setProperty(IConfig.PORT_PROPERTY_NAME, Integer.toString(port));
        p.setProperty(IConfig.ALLOW_ANONYMOUS_PROPERTY_NAME, "true");
        p.setProperty(IConfig.PERSISTENCE_ENABLED_PROPERTY_NAME, "false");
        p.setProperty(IConfig.ENABLE_TELEMETRY_NAME, "false");
        p.setProperty(IConfig.WEB_SOCKET_PORT_PROPERTY_NAME, "disabled");
        // room for bursts of QoS 0 publishes: a full session queue makes Moquette drop them
        p.setProperty(IConfig.SESSION_QUEUE_SIZE, Integer.toString(m.getSessionQueueSize()));
        // readings are sorted by time per batch before the rules see them, so parallel hand-over keeps their order
        int threads = m.getInterceptThreads() > 0
                ? m.getInterceptThreads()
                : Runtime.getRuntime().availableProcessors();
        p.setProperty(INTERCEPT_THREAD_POOL_SIZE, Integer.toString(threads));
        Server s = new Server();
        s.startServer(new MemoryConfig(p), List.of(new AbstractInterceptHandler() {
            @Override
            public String getID() {
                return "yingji-monitoring";
            }

            @Override
            public void onPublish(InterceptPublishMessage msg) {
                // Moquette hands each handler a retained duplicate; not releasing it leaks pooled buffers
                ByteBuf b = msg.getPayload();
                try {
                    byte[] bytes = new byte[b.readableBytes()];
                    b.getBytes(b.readerIndex(), bytes);
                    accept(msg.getTopicName(), bytes);
                } finally {
                    b.release();
                }
            }

            @Override
            public void onSessionLoopError(Throwable error) {
                LOG.warn("MQTT broker session error: {}", error.getMessage());
            }
        }));
        broker = s;
        LOG.info("embedded MQTT broker listening on {}:{}", m.getHost(), port);
    }

    private void connectExternal(MonitoringProperties.Mqtt m) throws MqttException {
        if (m.getUrl() == null || m.getUrl().isBlank()) {
            throw new IllegalStateException("yingji.monitoring.mqtt.url is required with mode EXTERNAL");
        }
        MqttClient c = new MqttClient(m.getUrl(), m.getClientId(), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setAutomaticReconnect(true);
        o.setCleanSession(true);
        o.setMaxInflight(65_535);
        if (m.getUsername() != null) {
            o.setUserName(m.getUsername());
        }
        if (m.getPassword() != null) {
            o.setPassword(m.getPassword().toCharArray());
        }
        String filter = m.getTopicPrefix() + "+";
        c.setCallback(new MqttCallbackExtended() {
            @Override
            public void connectComplete(boolean reconnect, String serverURI) {
                if (reconnect) {
                    try {
                        c.subscribe(filter, 1);
                    } catch (MqttException e) {
                        LOG.warn("MQTT re-subscribe failed: {}", e.getMessage());
                    }
                }
            }

            @Override
            public void connectionLost(Throwable cause) {
                LOG.warn("MQTT connection to {} lost: {}", m.getUrl(), cause.getMessage());
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                accept(topic, message.getPayload());
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {}
        });
        c.connect(o);
        c.subscribe(filter, 1);
        client = c;
        LOG.info("MQTT ingestion subscribed to {} on {}", filter, m.getUrl());
    }

    /** Takes one message: buffers it as a reading, or drops it when unusable. */
    void accept(String topic, byte[] payload) {
        received.incrementAndGet();
        String prefix = props.getMqtt().getTopicPrefix();
        if (!topic.startsWith(prefix)) {
            dropped.incrementAndGet();
            return;
        }
        String code = topic.substring(prefix.length());
        IngestService.Batch one = ingest.parseMqtt(code, payload, Instant.now());
        if (one == null) {
            dropped.incrementAndGet();
            return;
        }
        boolean full;
        synchronized (bufferLock) {
            buffer.add(one.entries[0], one.atMicros[0], one.values[0]);
            full = buffer.size >= props.getMqtt().getFlushSize();
        }
        if (full && flusher != null) {
            flusher.execute(this::flushQuietly);
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warn("MQTT batch not stored: {}", e.getMessage());
        }
    }

    /** Writes what is buffered. */
    void flush() {
        IngestService.Batch b;
        synchronized (bufferLock) {
            if (buffer.size == 0) {
                return;
            }
            b = buffer;
            buffer = new IngestService.Batch(Math.max(1024, b.size));
        }
        ingest.ingest(b, "mqtt");
        written.addAndGet(b.size);
    }

    @Override
    public void stop() {
        running = false;
        if (client != null) {
            try {
                client.disconnectForcibly(1000);
                client.close();
            } catch (MqttException e) {
                LOG.debug("MQTT close: {}", e.getMessage());
            }
            client = null;
        }
        if (broker != null) {
            broker.stopServer();
            broker = null;
        }
        if (flusher != null) {
            flusher.shutdown();
            try {
                flusher.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            flusher = null;
        }
        flushQuietly();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // after the data source and Flyway are up, stopped before them
        return Integer.MAX_VALUE - 100;
    }
}
