package dev.llmock.internal.engine;

/**
 * Checks, once every stage has run, that the values code fixed for distribution directives are still in place and,
 * for large counts, still follow their distributions ({@code details.distributions}).
 */
final class FixedValuesCheck implements StageInterceptor {

    @Override
    public Result intercept(Chain chain) {
        Plan plan = chain.plan();
        Result result = chain.proceed(plan);
        if (!plan.fixed().isEmpty()) {
            plan.facts().put("distributions", plan.fixed().verify(result.output()));
        }
        return result;
    }
}
