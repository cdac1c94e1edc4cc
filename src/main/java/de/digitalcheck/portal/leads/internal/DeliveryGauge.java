package de.digitalcheck.portal.leads.internal;

import de.digitalcheck.portal.shared.config.StartupTask;
import de.digitalcheck.portal.shared.metrics.BusinessMetrics;
import jakarta.inject.Singleton;

/**
 * Exports the number of lead deliveries waiting ({@code digitalcheck_deliveries_pending}) from the start: webhook rows
 * waiting for their (next) attempt and lead events waiting for the relay ({@link LeadEvents#relayDue()}). A
 * {@link StartupTask}: the metrics registry and the repositories are built beside the rest of the start.
 */
@Singleton
class DeliveryGauge implements StartupTask {

    private final BusinessMetrics metrics;
    private final DeliveryRows deliveries;
    private final LeadEventRows events;

    DeliveryGauge(BusinessMetrics metrics, DeliveryRows deliveries, LeadEventRows events) {
        this.metrics = metrics;
        this.deliveries = deliveries;
        this.events = events;
    }

    @Override
    public void run() {
        metrics.deliveriesPending(() -> deliveries.pending() + events.waiting());
    }
}
