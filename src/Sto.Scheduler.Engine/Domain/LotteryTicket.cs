namespace Sto.Scheduler.Engine.Domain;

/// <summary>A pupil's published lottery number for this run; a lower number wins a tie.</summary>
public sealed record LotteryTicket
{
    public PupilId Pupil { get; init; }

    public int Number { get; init; }
}
