package de.digitalcheck.portal.readiness.internal;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;

/** The questionnaire version chosen for new checks: rows are only added, the newest counts. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface QuestionnaireChoiceRows extends GenericRepository<QuestionnaireChoiceRow, Long> {

    @Query("""
        INSERT INTO questionnaire_choice (version, chosen_by, chosen_by_name, chosen_at)
        VALUES (:version, :chosenBy, :chosenByName, :chosenAt)""")
    void add(String version, String chosenBy, String chosenByName, Instant chosenAt);

    /** The newest choices first (the first is the one in force). */
    @Query("SELECT * FROM questionnaire_choice ORDER BY id DESC LIMIT :limit")
    List<QuestionnaireChoiceRow> newest(int limit);
}
