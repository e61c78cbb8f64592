namespace Sto.Scheduler.Engine.Explanation;

/// <summary>What became of one ranked choice of a pupil.</summary>
public enum ChoiceOutcome
{
    /// <summary>The pupil was placed in this offer.</summary>
    Granted = 1,

    /// <summary>Ranked higher than what the pupil got (or the pupil got nothing); the reasons say why not.</summary>
    BetterChoiceBlocked = 2,

    /// <summary>Ranked lower than what the pupil got; nothing to explain.</summary>
    LowerChoiceNotNeeded = 3,
}
