package de.digitalcheck.portal.readiness;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.MappedProperty;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stored result of a completed self-check: the overall score and level, and the level of each dimension
 * ({@code null} where the dimension does not apply to the company). Stored so that benchmarks can aggregate it; the
 * result page scores the answers anew (see {@link Scoring}). A completed check's result has a score and a level; a
 * draft's stored result is {@link #NONE}, which other modules never see (their {@link Assessment#result()} is null).
 */
@Embeddable
public record Result(
    @Nullable @MappedProperty("score") Double score,
    @Nullable @MappedProperty("overall_level") Integer level,
    @Nullable @MappedProperty("level_strategy") Integer strategy,
    @Nullable @MappedProperty("level_factory") Integer factory,
    @Nullable @MappedProperty("level_operations") Integer operations,
    @Nullable @MappedProperty("level_products") Integer products,
    @Nullable @MappedProperty("level_services") Integer services,
    @Nullable @MappedProperty("level_employees") Integer employees) {

    /** No result (yet): what a draft stores. */
    public static final Result NONE = new Result(null, null, null, null, null, null, null, null);

    public boolean isNone() {
        return score == null;
    }

    /** The result of a score. */
    public static Result of(Scoring.Score s) {
        return new Result(s.value(), s.level().number(), s.dimension("strategy").level(), s.dimension("factory").level(),
            s.dimension("operations").level(), s.dimension("products").level(), s.dimension("services").level(),
            s.dimension("employees").level());
    }

    /** The level of a dimension, {@code null} where it does not apply. */
    @Nullable
    public Integer levelOf(String dimensionId) {
        return switch (dimensionId) {
            case "strategy" -> strategy;
            case "factory" -> factory;
            case "operations" -> operations;
            case "products" -> products;
            case "services" -> services;
            case "employees" -> employees;
            default -> throw new IllegalArgumentException("unknown dimension " + dimensionId);
        };
    }

    /** Dimension id → level (null where it does not apply), in the questionnaire's order. */
    public Map<String, Integer> levels() {
        Map<String, Integer> levels = new LinkedHashMap<>();
        Questionnaire.DIMENSION_IDS.forEach(d -> levels.put(d, levelOf(d)));
        return levels;
    }
}
