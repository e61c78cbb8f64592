using Sto.Scheduler.Engine.Domain;

namespace Sto.Scheduler.Engine.Decoding;

/// <summary>A placement whose pupil and offer both exist in the problem, with both records resolved.</summary>
internal readonly record struct KnownPlacement(PupilPlacement Placement, Pupil Pupil, ElectiveOffer Offer);
