using FsCheck;
using FsCheck.Fluent;

namespace ImageRules.Tests.Properties;

/// <summary>
/// The service against the <see cref="ReferenceModel"/>: for every generated script, after every step, the service
/// answers as the model does (success, or the same error code) and every account sees the same in every region
/// (listings, quotas, launch decisions, share grants).
/// </summary>
/// <remarks>
/// The profiles here keep transitions from timing out (<see cref="Profile.NoTimeout"/>): the model knows no R37, so
/// its meaning stays that of the rules it was written from; R37 has its own invariant and rule tests.
/// </remarks>
public class ModelBasedProperties
{
    // Invariant: under the seed profile, every step of every script is answered by the service exactly as by the
    // model (the same success, or the same error code), and afterwards every account sees in every region what the
    // model says it sees.
    [RuleProperty(200)]
    public Property R1_to_R34_service_agrees_with_the_reference_model_step_by_step_under_the_seed_profile() =>
        Prop.ForAll(Arb.From(WorldArbitraries.ScriptsUnder(Profile.Seed), WorldArbitraries.Shrink), AgreesWithModel);

    // Invariant: the same, under the Provider 2025 switches with limits small enough to reach (4 images, 2 accounts).
    [RuleProperty(200)]
    public Property R1_to_R34_service_agrees_with_the_reference_model_step_by_step_under_the_scaled_provider_2025_profile() =>
        Prop.ForAll(Arb.From(WorldArbitraries.ScriptsUnder(Profile.Provider2025Scaled), WorldArbitraries.Shrink), AgreesWithModel);

    // Invariant: the same, when copies may cross the mainland border (R15).
    [RuleProperty(100)]
    public Property R15_service_agrees_with_the_reference_model_when_copies_may_cross_the_mainland_border() =>
        Prop.ForAll(Arb.From(WorldArbitraries.ScriptsUnder(Profile.Provider2025ScaledAcrossBorder), WorldArbitraries.Shrink), AgreesWithModel);

    /// <summary>Plays <paramref name="script"/> on the service and the model and compares them after every step.</summary>
    private static void AgreesWithModel(Script script)
    {
        var model = new ReferenceModel(script.Profile.Policy(), script.World);
        ScriptRun.Play(script, answered: (run, step, actual) =>
        {
            model.Tick(run.Now, actual.NewImage);
            if (actual.NewImage is { } made && !model.IsFresh(made))
            {
                throw run.Fail($"the service gave a new image the used id {made}");
            }

            var expected = step.RunOn(model, run.Bindings);
            if (actual != expected)
            {
                throw run.Fail($"the service answered {actual}{Environment.NewLine}the model answered   {expected}");
            }
        },
        settled: (run, _, _) =>
        {
            foreach (var read in run.Observations())
            {
                var seen = read.RunOn(run.Service, run.Bindings);
                var modelled = read.RunOn(model, run.Bindings);
                if (seen != modelled)
                {
                    throw run.Fail($"after the last step, {read}{Environment.NewLine}the service answered {seen}{Environment.NewLine}the model answered   {modelled}");
                }
            }
        });
    }
}
