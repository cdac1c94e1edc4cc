package de.digitalcheck.portal.leads.internal;

import de.digitalcheck.portal.shared.metrics.BusinessMetrics;
import io.micronaut.context.annotation.Context;

/** Exports the number of lead deliveries waiting ({@code digitalcheck_deliveries_pending}) from the start. */
@Context
class DeliveryGauge {

    DeliveryGauge(BusinessMetrics metrics, DeliveryRows deliveries) {
        metrics.deliveriesPending(deliveries::pending);
    }
}
