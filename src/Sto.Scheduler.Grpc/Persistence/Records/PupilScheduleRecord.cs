namespace Sto.Scheduler.Grpc.Persistence.Records;

/// <summary>A pupil's schedule as decided by one run, written with the run's result.</summary>
public sealed class PupilScheduleRecord
{
    public required string Run { get; set; }

    public required string Pupil { get; set; }

    /// <summary>The PupilSchedule message (all weeks) as proto JSON.</summary>
    public required string Payload { get; set; }
}
