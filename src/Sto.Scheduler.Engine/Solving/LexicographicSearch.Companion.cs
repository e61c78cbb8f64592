namespace Sto.Scheduler.Engine.Solving;

/// <summary>The MIP companion's part of the search: when it runs, how its result stops CP-SAT, and collecting it.</summary>
internal sealed partial class LexicographicSearch
{
    /// <summary>
    /// CBC needs time in proportion to the model: beside CP-SAT it ended the region's first tier (24,888 pairs) after
    /// 30–46 s, and found nothing in 102 s on the 15,000-pupil stress family (73,845 pairs), where the one CP-SAT worker
    /// it leaves did not improve the hint either. So it runs only with at least 1.6 s per 1,000 pairs (and the floor).
    /// </summary>
    private const double CompanionSecondsPerPair = 0.0016;

    /// <summary>How long the end of a tier waits for a CBC that has not finished yet (its CPU budget ends it about then).</summary>
    private static readonly TimeSpan CompanionGrace = TimeSpan.FromSeconds(3);

    private double CompanionMinSeconds() => Math.Max(settings.MipCompanionMinSeconds, model.Pairs.Count * CompanionSecondsPerPair);

    /// <summary>
    /// The CBC companion runs beside CP-SAT on a large fresh solve's first tier (README "How the model is built"):
    /// not in reproducible mode (CBC's wall-clock limit would make the plan depend on the machine), not on one worker
    /// (CBC takes a core of its own), not in re-plans (their first tiers start from a near-complete plan), not while
    /// an earlier run's CBC is still alive (one per process) and not in a tier shorter than
    /// <see cref="CompanionMinSeconds"/>.
    /// </summary>
    private bool CompanionRunsIn(int tier) =>
        tier == 0 && settings.MipCompanion && settings.Workers > 1 && settings.DeterministicTimeLimit is null
        && model.Baseline is null && model.Pairs.Count > settings.MipCompanionMinPairs && !MipCompanion.IsBusy;

    /// <summary>
    /// When CBC ends first, its bound joins CP-SAT's on the reports; CP-SAT stops once its plan, or CBC's, is within
    /// the tier's gap of the better bound.
    /// </summary>
    private static void OnCompanionDone(MipCompanionResult result, ProgressCallback callback, CancellationTokenSource stop)
    {
        if (result.Bound is not { } bound)
        {
            return;
        }

        var cpWithin = callback.SetOutsideBound(bound);
        var mipWithin = result.Objective is { } objective && RelativeGap(objective, bound) <= callback.StopGap;
        if (cpWithin || mipWithin)
        {
            // Also through the callback: a stop that arrives before CP-SAT has started searching would be lost.
            callback.RequestStop();
            try
            {
                stop.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The tier has already ended.
            }
        }
    }

    /// <summary>
    /// CBC's result once CP-SAT's search has ended: asked to stop if still running, waited for briefly (its CPU budget
    /// ends it about when the tier ends; not at all when the run is cancelled); a CBC that is not done by then is left
    /// to finish on its own thread, ignored.
    /// </summary>
    private static MipCompanionResult? Collect(MipCompanion companion, TimeSpan grace)
    {
        if (!companion.Done.IsCompleted)
        {
            companion.Stop();
        }

        return companion.Done.Wait(grace) ? companion.Done.Result : null;
    }
}
