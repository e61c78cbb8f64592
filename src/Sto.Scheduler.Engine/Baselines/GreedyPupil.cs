using Sto.Scheduler.Engine.Domain;

namespace Sto.Scheduler.Engine.Baselines;

/// <summary>A pupil during the greedy pass: feasible choices best first, placements so far, offers closed on them.</summary>
internal sealed class GreedyPupil(Pupil pupil, GreedyChoice[] choices, bool hasFeasibleChoice)
{
    public Pupil Pupil { get; } = pupil;

    /// <summary>Choices that pass the candidate filter, by rank, one per offer.</summary>
    public GreedyChoice[] Choices { get; } = choices;

    /// <summary>At least one choice passes the candidate filter.</summary>
    public bool HasFeasibleChoice { get; } = hasFeasibleChoice;

    public List<(GreedyChoice Choice, GreedyGroup Group)> Placements { get; } = [];

    /// <summary>Offers whose group closed under this pupil for being too small; never tried again.</summary>
    public HashSet<int> ClosedOnMe { get; } = [];

    public int AwayPlacements
    {
        get
        {
            var count = 0;
            foreach (var (choice, _) in Placements)
            {
                count += choice.IsAway ? 1 : 0;
            }

            return count;
        }
    }
}
