package cn.yingji.monitoring.internal;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings under {@code yingji.monitoring}. */
@ConfigurationProperties("yingji.monitoring")
class MonitoringProperties {

    /** Days of readings kept; older daily partitions are dropped (40号令: records kept at least 30 days). */
    private int retentionDays = 30;
    /** Daily partitions prepared ahead of today. */
    private int partitionsAhead = 7;
    /** Readings later than now plus this are rejected. */
    private Duration maxFutureSkew = Duration.ofMinutes(5);
    /** Most readings in one HTTP batch. */
    private int maxBatchReadings = 200_000;
    /** Largest HTTP batch body (bytes). */
    private long maxBatchBytes = 32L * 1024 * 1024;
    /** Offline when silent longer than the sensor's interval times this factor. */
    private double offlineFactor = 2.0;
    /** Run the offline sweep on a timer (tests drive it by hand). */
    private boolean sweepEnabled = true;
    /** Sender id written into CAP {@code sender} (no spaces or commas). */
    private String capSender = "yjj.hefei.gov.cn";
    /** Sender name (CAP senderName, GB/T sender). */
    private String capSenderName = "合肥市应急管理局";
    /** 14-digit issuer code for GB/T 35965 (area code + organisation code + unit + extension). */
    private String senderCode = "34010041600000";
    /** Largest CAP document accepted on import (bytes). */
    private int capMaxBytes = 1024 * 1024;
    /** Optional Atom/CAP feed URL polled for other departments' warnings. */
    private @Nullable String capFeedUrl;
    /** Poll interval of the CAP feed. */
    private Duration capFeedInterval = Duration.ofMinutes(5);

    private final Mqtt mqtt = new Mqtt();

    /** MQTT ingestion: {@code yingji.monitoring.mqtt.*}. */
    static class Mqtt {
        /** Listen to MQTT at all. */
        private boolean enabled = true;
        /** EMBEDDED runs a Moquette broker in the app; EXTERNAL connects to {@link #url} with Paho. */
        private String mode = "EMBEDDED";
        /** Host the embedded broker binds to. */
        private String host = "0.0.0.0";
        /** Port of the embedded broker; 0 picks a free port. */
        private int port = 1883;
        /** External broker, e.g. {@code tcp://mqtt.example:1883}. */
        private @Nullable String url;
        /** Client id for the external broker. */
        private String clientId = "yingji-monitoring";

        private @Nullable String username;
        private @Nullable String password;
        /** Topic prefix; the sensor code follows it. */
        private String topicPrefix = "yingji/readings/";
        /** Buffered MQTT readings are written at least this often. */
        private Duration flushInterval = Duration.ofMillis(100);
        /** … or when this many are buffered. */
        private int flushSize = 20_000;
        /**
         * Threads of the embedded broker that hand publishes to ingestion (Moquette's default is one, which caps
         * the message rate at what one core parses); 0 means one per available processor.
         */
        private int interceptThreads = 0;
        /** Commands queued per session loop of the embedded broker before it drops QoS 0 publishes. */
        private int sessionQueueSize = 65_536;

        public int getSessionQueueSize() {
            return sessionQueueSize;
        }

        public int getInterceptThreads() {
            return interceptThreads;
        }

        public void setInterceptThreads(int interceptThreads) {
            this.interceptThreads = interceptThreads;
        }

        public void setSessionQueueSize(int sessionQueueSize) {
            this.sessionQueueSize = sessionQueueSize;
        }

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getMode() {
            return mode;
        }

        public void setMode(String mode) {
            this.mode = mode;
        }

        public String getHost() {
            return host;
        }

        public void setHost(String host) {
            this.host = host;
        }

        public int getPort() {
            return port;
        }

        public void setPort(int port) {
            this.port = port;
        }

        public @Nullable String getUrl() {
            return url;
        }

        public void setUrl(@Nullable String url) {
            this.url = url;
        }

        public String getClientId() {
            return clientId;
        }

        public void setClientId(String clientId) {
            this.clientId = clientId;
        }

        public @Nullable String getUsername() {
            return username;
        }

        public void setUsername(@Nullable String username) {
            this.username = username;
        }

        public @Nullable String getPassword() {
            return password;
        }

        public void setPassword(@Nullable String password) {
            this.password = password;
        }

        public String getTopicPrefix() {
            return topicPrefix;
        }

        public void setTopicPrefix(String topicPrefix) {
            this.topicPrefix = topicPrefix;
        }

        public Duration getFlushInterval() {
            return flushInterval;
        }

        public void setFlushInterval(Duration flushInterval) {
            this.flushInterval = flushInterval;
        }

        public int getFlushSize() {
            return flushSize;
        }

        public void setFlushSize(int flushSize) {
            this.flushSize = flushSize;
        }
    }

    public Mqtt getMqtt() {
        return mqtt;
    }

    public int getRetentionDays() {
        return retentionDays;
    }

    public void setRetentionDays(int retentionDays) {
        this.retentionDays = retentionDays;
    }

    public int getPartitionsAhead() {
        return partitionsAhead;
    }

    public void setPartitionsAhead(int partitionsAhead) {
        this.partitionsAhead = partitionsAhead;
    }

    public Duration getMaxFutureSkew() {
        return maxFutureSkew;
    }

    public void setMaxFutureSkew(Duration maxFutureSkew) {
        this.maxFutureSkew = maxFutureSkew;
    }

    public int getMaxBatchReadings() {
        return maxBatchReadings;
    }

    public void setMaxBatchReadings(int maxBatchReadings) {
        this.maxBatchReadings = maxBatchReadings;
    }

    public long getMaxBatchBytes() {
        return maxBatchBytes;
    }

    public void setMaxBatchBytes(long maxBatchBytes) {
        this.maxBatchBytes = maxBatchBytes;
    }

    public double getOfflineFactor() {
        return offlineFactor;
    }

    public void setOfflineFactor(double offlineFactor) {
        this.offlineFactor = offlineFactor;
    }

    public boolean isSweepEnabled() {
        return sweepEnabled;
    }

    public void setSweepEnabled(boolean sweepEnabled) {
        this.sweepEnabled = sweepEnabled;
    }

    public String getCapSender() {
        return capSender;
    }

    public void setCapSender(String capSender) {
        this.capSender = capSender;
    }

    public String getCapSenderName() {
        return capSenderName;
    }

    public void setCapSenderName(String capSenderName) {
        this.capSenderName = capSenderName;
    }

    public String getSenderCode() {
        return senderCode;
    }

    public void setSenderCode(String senderCode) {
        this.senderCode = senderCode;
    }

    public int getCapMaxBytes() {
        return capMaxBytes;
    }

    public void setCapMaxBytes(int capMaxBytes) {
        this.capMaxBytes = capMaxBytes;
    }

    public @Nullable String getCapFeedUrl() {
        return capFeedUrl;
    }

    public void setCapFeedUrl(@Nullable String capFeedUrl) {
        this.capFeedUrl = capFeedUrl;
    }

    public Duration getCapFeedInterval() {
        return capFeedInterval;
    }

    public void setCapFeedInterval(Duration capFeedInterval) {
        this.capFeedInterval = capFeedInterval;
    }
}
