package dev.aicost.engine;

import dev.aicost.engine.core.Num;
import dev.aicost.report.ActualsReport;
import dev.aicost.report.CostReport;
import dev.aicost.request.InvalidRequestException;
import org.junit.jupiter.api.Test;
import static dev.aicost.engine.Fixtures.assumption;
import static dev.aicost.engine.Fixtures.estimate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;


/** Billed months against the estimate: computed exactly from the figures given. */
class ActualSpendTest {
    static final String BASE = "'model':{'id':'llama-3.1-8b'},'inference':{'requestsPerDay':2e6,'accelerator':'h100-sxm',"
            + "'offer':'aws-p5-h100','operations':{'monthlyUsd':0}},'horizonMonths':12,'monthlyBudgetUsd':50000";

    static CostReport withActuals(String months) {
        return estimate("{" + BASE + ",'actuals':{'months':[" + months + "]}}");
    }

    @Test
    void shareCostPerRequestAndVarianceAreTheGivenFiguresExactly() {
        CostReport r = withActuals("{'month':2,'trainingUsd':1000,'inferenceUsd':9000,'requests':3e7},"
                + "{'month':1,'trainingUsd':5000,'inferenceUsd':8000,'requests':2e7},{'month':3,'trainingUsd':0,"
                + "'inferenceUsd':12000}");
        ActualsReport a = r.actuals();
        assertThat(a.months()).isEqualTo(3);
        assertThat(a.trainingUsd()).isEqualTo(6000);
        assertThat(a.inferenceUsd()).isEqualTo(29000);
        assertThat(a.totalUsd()).isEqualTo(35000);
        assertThat(a.inferenceShare()).isCloseTo(29000.0 / 35000, within(1e-4));
        // Per request only over the months that give requests: (8,000 + 9,000) / (2e7 + 3e7).
        assertThat(a.costPerRequestUsd()).isEqualTo(Num.money(17000 / 5e7));
        assertThat(a.variance()).extracting(ActualsReport.Variance::month).containsExactly(1, 2, 3);
        double estimate = r.lifecycle().months().get(0).totalUsd();
        assertThat(a.variance().get(0).estimateUsd()).isEqualTo(estimate);
        assertThat(a.variance().get(0).actualUsd()).isEqualTo(13000);
        assertThat(a.variance().get(0).deltaPercent()).isEqualTo(Math.round((13000 - estimate) / estimate * 1000) / 10.0);
    }

    @Test
    void aMonthFarFromItsEstimateOrOverBudgetIsWarned() {
        double estimate = withActuals("{'month':1,'trainingUsd':0,'inferenceUsd':1}").lifecycle().months().get(0).totalUsd();
        CostReport close = withActuals("{'month':1,'trainingUsd':0,'inferenceUsd':" + estimate * 1.2 + "}");
        CostReport far = withActuals("{'month':1,'trainingUsd':0,'inferenceUsd':" + estimate * 1.3 + "}");
        CostReport low = withActuals("{'month':1,'trainingUsd':0,'inferenceUsd':" + estimate * 0.7 + "}");
        CostReport over = withActuals("{'month':1,'trainingUsd':0,'inferenceUsd':60000}");
        assertThat(close.warnings()).noneMatch(w -> w.startsWith("Month 1"));
        assertThat(far.warnings()).anyMatch(w -> w.startsWith("Month 1: billed") && w.contains("30 % above"));
        assertThat(low.warnings()).anyMatch(w -> w.contains("30 % below"));
        assertThat(over.warnings()).anyMatch(w -> w.contains("breaks the monthly budget of $50k"));
    }

    @Test
    void theRestOfTheHorizonIsProjectedFromTheBilledTrend() {
        CostReport r = withActuals("{'month':1,'trainingUsd':0,'inferenceUsd':1000},{'month':2,'trainingUsd':0,"
                + "'inferenceUsd':2000},{'month':3,'trainingUsd':0,'inferenceUsd':3000},{'month':4,'trainingUsd':0,"
                + "'inferenceUsd':4000}");
        var months = r.lifecycle().months();
        double recentEstimate = months.get(1).totalUsd() + months.get(2).totalUsd() + months.get(3).totalUsd();
        double factor = 9000 / recentEstimate; // the last three billed months
        double rest = 0;
        for (int m = 4; m < 12; m++) {
            rest += months.get(m).totalUsd() * factor;
        }
        assertThat(r.actuals().projectionFactor()).isEqualTo(Num.sig(factor));
        assertThat(r.actuals().projectedTotalUsd()).isCloseTo(10000 + rest, within(0.01));
        assertThat(assumption(r, "actuals.projection")).contains("last 3 billed months");
        assertThat(r.summary()).contains("Billed: $10k over 4 months");
    }

    @Test
    void badActualsAreRefusedWithTheirPath() {
        String[][] bad = {
            {"{'month':1,'trainingUsd':-5,'inferenceUsd':1}", "actuals.months[0].trainingUsd", "out of range"},
            {"{'month':13,'trainingUsd':0,'inferenceUsd':1}", "actuals.months[0].month", "after the horizon of 12"},
            {"{'month':2,'trainingUsd':0,'inferenceUsd':1},{'month':2,'trainingUsd':0,'inferenceUsd':1}",
                "actuals.months[1].month", "repeats month 2"},
            {"{'month':1,'trainingUsd':0}", "actuals.months[0].inferenceUsd", "is required"},
            {"{'month':1,'trainingUsd':0,'inferenceUsd':1,'tax':3}", "actuals.months[0].tax", "not a known field"},
            {"7", "actuals.months[0]", "must be an object"}};
        for (String[] b : bad) {
            assertThatThrownBy(() -> withActuals(b[0])).isInstanceOf(InvalidRequestException.class)
                    .satisfies(e -> assertThat(((InvalidRequestException) e).problems())
                            .as(b[0]).anyMatch(p -> p.path().equals(b[1]) && p.problem().contains(b[2])));
        }
        assertThatThrownBy(() -> estimate("{" + BASE + ",'actuals':{'months':[]}}"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("actuals.months");
    }

    @Test
    void withoutActualsThereIsNoSection() {
        assertThat(estimate("{" + BASE + "}").actuals()).isNull();
    }
}
