package de.digitalcheck.portal.booking.web;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

/** The coach's and the staff's move form sent twice, against the embedded H2 database (MySQL mode). */
@MicronautTest(transactional = false)
class DeskMoveSentTwiceIntegrationTest extends DeskMoveSentTwiceContract {
}
