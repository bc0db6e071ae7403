package dev.llmock.internal.engine;

import dev.llmock.FixtureRequest;
import dev.llmock.ProgressListener;
import dev.llmock.Stage;

/**
 * A request turned into stage calls, once: the request seed, the values fixed by code, the correction loop with its
 * checks, how each step finds its backend, the facts gathered for the provenance, and where progress goes.
 * The first stage's outcome is filled in by whichever interceptor makes it (parts, consensus), so that the
 * interceptors after it run only the stages that are left.
 *
 * @param seed  the request's seed: from the key of the request with a count of 1, so that record i is the same
 *              whatever the count
 * @param first the first stage's outcome once made, else null
 */
record Plan(FixtureRequest request, long seed, FixedValues fixed, CorrectionLoop loop, Backends backends, Facts facts,
            ProgressListener progress, Outcome first) {

    /** The same plan with the first stage made. */
    Plan withFirst(Outcome made) {
        return new Plan(request, seed, fixed, loop, backends, facts, progress, made);
    }

    int count() {
        return request.count();
    }

    /** The seed of the first stage. */
    long firstSeed() {
        return Seeds.mix(seed);
    }

    /** The seed of later stage {@code number} (from 1). */
    long stageSeed(int number) {
        return Seeds.mix(seed + number);
    }

    /** The seed of a part: its name mixed into the first stage's seed. */
    long partSeed(String name) {
        return Seeds.mix(firstSeed() ^ Seeds.mix(name.hashCode()));
    }

    /** The seed of a consensus backend's call: its name mixed into the first stage's seed, apart from parts'. */
    long consensusSeed(String backend) {
        return Seeds.mix(firstSeed() + Seeds.mix(("consensus:" + backend).hashCode()));
    }

    /** Progress of the first stage: the request's, unless later stages follow. */
    ProgressListener firstProgress() {
        return request.stages().isEmpty() ? progress : ProgressListener.NONE;
    }

    /** Progress of later stage {@code number} (from 1): the request's for the last one. */
    ProgressListener stageProgress(int number) {
        return number == request.stages().size() ? progress : ProgressListener.NONE;
    }

    /** The prompt of a later stage: the request's and the stage's own. */
    String prompt(Stage stage) {
        if (request.prompt() == null) {
            return stage.prompt();
        }
        return stage.prompt() == null ? request.prompt() : request.prompt() + "\n" + stage.prompt();
    }
}
