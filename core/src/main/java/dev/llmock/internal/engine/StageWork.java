package dev.llmock.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.Shape;
import dev.llmock.Stage;

/**
 * One stage to run over all records of a request.
 *
 * @param role     what the stage does
 * @param crew     who makes, judges, corrects and finally repairs the data
 * @param loop     the correction loop each batch goes through (the request's checks, or a part's shape alone)
 * @param shape    the shape of one record at this stage
 * @param prompt   the instructions for this stage, or null
 * @param previous the earlier stage's output for all records, or null for a first stage
 * @param seed     this stage's seed
 * @param fixed    the values fixed by code for these records
 * @param dedupe   whether duplicate records are dropped and asked for again (the first stage of a request)
 */
record StageWork(Stage.Role role, CorrectionLoop.Crew crew, CorrectionLoop loop, Shape shape, String prompt,
                 JsonNode previous, long seed, FixedValues fixed, boolean dedupe) {
}
