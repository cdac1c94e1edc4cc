package de.digitalcheck.portal.leads.internal;

import de.digitalcheck.portal.shared.metrics.BusinessMetrics;
import io.micronaut.context.annotation.Context;

/**
 * Exports the number of lead deliveries waiting ({@code digitalcheck_deliveries_pending}) from the start: webhook rows
 * waiting for their (next) attempt and lead events waiting for the relay ({@link LeadEvents#relayDue()}).
 */
@Context
class DeliveryGauge {

    DeliveryGauge(BusinessMetrics metrics, DeliveryRows deliveries, LeadEventRows events) {
        metrics.deliveriesPending(() -> deliveries.pending() + events.waiting());
    }
}
