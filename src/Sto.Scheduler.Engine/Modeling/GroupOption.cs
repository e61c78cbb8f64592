namespace Sto.Scheduler.Engine.Modeling;

/// <summary>
/// One way an offer can run: <see cref="Groups"/> parallel groups holding between <see cref="MinPupils"/> and
/// <see cref="MaxPupils"/> pupils in total, needing <see cref="PracticalStaff"/> ratio-counting staff in a
/// practical week (the best split of the pupils over the groups). Option (0, 0, 0, 0) is "does not run".
/// One Boolean per option is the encoding PERFORMANCE §1.5 measured as decisive.
/// </summary>
internal sealed record GroupOption(int Groups, int PracticalStaff, int MinPupils, int MaxPupils)
{
    public static readonly GroupOption Closed = new(0, 0, 0, 0);

    public bool IsClosed => Groups == 0;
}
