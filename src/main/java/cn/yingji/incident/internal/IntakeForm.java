package cn.yingji.incident.internal;

import org.jspecify.annotations.Nullable;

/** The duty-desk form, bound as text so that any input re-renders the form instead of failing the binding. */
class IntakeForm {
    @Nullable
    String typeCode;

    @Nullable
    String title;

    @Nullable
    String occurredAt;

    @Nullable
    String reportedAt;

    @Nullable
    String receivedLevel;

    @Nullable
    String lon;

    @Nullable
    String lat;

    @Nullable
    String address;

    @Nullable
    String reporterName;

    @Nullable
    String reporterPhone;

    @Nullable
    String channel = "PHONE";

    @Nullable
    String enterpriseName;

    @Nullable
    String deaths = "0";

    @Nullable
    String missing = "0";

    @Nullable
    String seriouslyInjured = "0";

    @Nullable
    String trapped = "0";

    @Nullable
    String minorInjuries = "0";

    @Nullable
    String directLoss = "0";

    @Nullable
    String forestArea = "0";

    @Nullable
    String description;

    boolean drill;

    @Nullable
    String idempotencyKey;

    // Getters and setters for data binding.
    public @Nullable String getTypeCode() {
        return typeCode;
    }

    public void setTypeCode(@Nullable String v) {
        typeCode = v;
    }

    public @Nullable String getTitle() {
        return title;
    }

    public void setTitle(@Nullable String v) {
        title = v;
    }

    public @Nullable String getOccurredAt() {
        return occurredAt;
    }

    public void setOccurredAt(@Nullable String v) {
        occurredAt = v;
    }

    public @Nullable String getReportedAt() {
        return reportedAt;
    }

    public void setReportedAt(@Nullable String v) {
        reportedAt = v;
    }

    public @Nullable String getReceivedLevel() {
        return receivedLevel;
    }

    public void setReceivedLevel(@Nullable String v) {
        receivedLevel = v;
    }

    public @Nullable String getLon() {
        return lon;
    }

    public void setLon(@Nullable String v) {
        lon = v;
    }

    public @Nullable String getLat() {
        return lat;
    }

    public void setLat(@Nullable String v) {
        lat = v;
    }

    public @Nullable String getAddress() {
        return address;
    }

    public void setAddress(@Nullable String v) {
        address = v;
    }

    public @Nullable String getReporterName() {
        return reporterName;
    }

    public void setReporterName(@Nullable String v) {
        reporterName = v;
    }

    public @Nullable String getReporterPhone() {
        return reporterPhone;
    }

    public void setReporterPhone(@Nullable String v) {
        reporterPhone = v;
    }

    public @Nullable String getChannel() {
        return channel;
    }

    public void setChannel(@Nullable String v) {
        channel = v;
    }

    public @Nullable String getEnterpriseName() {
        return enterpriseName;
    }

    public void setEnterpriseName(@Nullable String v) {
        enterpriseName = v;
    }

    public @Nullable String getDeaths() {
        return deaths;
    }

    public void setDeaths(@Nullable String v) {
        deaths = v;
    }

    public @Nullable String getMissing() {
        return missing;
    }

    public void setMissing(@Nullable String v) {
        missing = v;
    }

    public @Nullable String getSeriouslyInjured() {
        return seriouslyInjured;
    }

    public void setSeriouslyInjured(@Nullable String v) {
        seriouslyInjured = v;
    }

    public @Nullable String getTrapped() {
        return trapped;
    }

    public void setTrapped(@Nullable String v) {
        trapped = v;
    }

    public @Nullable String getMinorInjuries() {
        return minorInjuries;
    }

    public void setMinorInjuries(@Nullable String v) {
        minorInjuries = v;
    }

    public @Nullable String getDirectLoss() {
        return directLoss;
    }

    public void setDirectLoss(@Nullable String v) {
        directLoss = v;
    }

    public @Nullable String getForestArea() {
        return forestArea;
    }

    public void setForestArea(@Nullable String v) {
        forestArea = v;
    }

    public @Nullable String getDescription() {
        return description;
    }

    public void setDescription(@Nullable String v) {
        description = v;
    }

    public boolean isDrill() {
        return drill;
    }

    public void setDrill(boolean v) {
        drill = v;
    }

    public @Nullable String getIdempotencyKey() {
        return idempotencyKey;
    }

    public void setIdempotencyKey(@Nullable String v) {
        idempotencyKey = v;
    }
}
