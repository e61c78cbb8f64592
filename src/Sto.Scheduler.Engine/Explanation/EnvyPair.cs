using Sto.Scheduler.Engine.Domain;

namespace Sto.Scheduler.Engine.Explanation;

/// <summary>
/// A case of justified envy: <see cref="Pupil"/> would rather have <see cref="Offer"/> than their result, could take it,
/// and it holds a pupil with lower priority for it (who is never named).
/// </summary>
public sealed record EnvyPair(PupilId Pupil, OfferId Offer);
