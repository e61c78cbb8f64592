using Google.OrTools.Sat;

namespace Sto.Scheduler.Engine.Modeling;

/// <summary>A (pupil, offer) pair that passed the candidate filter, with its assignment literal.</summary>
internal sealed record CandidatePair(int Pupil, int Offer, int Rank, int TravelMinutes, bool IsOwnPupilOfHost, bool IsAway, BoolVar Place);
