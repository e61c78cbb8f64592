using System.Linq.Expressions;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Sto.Scheduler.Api.V1;
using Sto.Scheduler.Grpc.Persistence.Records;
using State = Sto.Scheduler.Api.V1.AllocationRun.Types.State;

namespace Sto.Scheduler.Grpc.Persistence;

/// <summary>
/// Allocation runs as a job queue. Claims take a lease guarded by the etag concurrency token, so two
/// workers (or replicas sharing a database) never run the same job twice; finishing is fenced by the lease owner.
/// </summary>
public sealed class AllocationRunStore(SchedulerDbContext db, TimeProvider time)
{
    public async Task<AllocationRun> CreateAsync(string name, string parent, AllocationRun run, RequestLogRecord? request, CancellationToken cancellationToken)
    {
        if (await db.AllocationRuns.AnyAsync(r => r.Name == name, cancellationToken))
        {
            throw new ResourceAlreadyExistsException(name);
        }

        var now = Now();
        run.Name = name;
        run.State = State.Queued;
        run.CreateTime = Timestamp.FromDateTimeOffset(time.GetUtcNow());
        var record = new AllocationRunRecord
        {
            Name = name, Parent = parent, State = (int)State.Queued, Etag = ResourceStore.NewEtag(),
            CreateTimeMs = now, UpdateTimeMs = now, Payload = ProtoJson.Write(run),
        };
        db.AllocationRuns.Add(record);
        if (request is not null)
        {
            db.RequestLog.Add(request);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Present(record);
    }

    /// <summary>
    /// The columns the API view of a run needs (<see cref="Present"/>): never the result, the snapshot, the checkpoint
    /// plan or the diff, which are megabytes on a region and would be read on every Get, List and Watch update.
    /// </summary>
    private static readonly Expression<Func<AllocationRunRecord, AllocationRunRecord>> View = r => new AllocationRunRecord
    {
        Name = r.Name, Parent = r.Parent, State = r.State, Etag = r.Etag, Attempts = r.Attempts, Published = r.Published, Payload = r.Payload,
    };

    public async Task<AllocationRun?> GetAsync(string name, CancellationToken cancellationToken) =>
        await db.AllocationRuns.AsNoTracking().Where(r => r.Name == name).Select(View).SingleOrDefaultAsync(cancellationToken) is { } record
            ? Present(record)
            : null;

    /// <summary>The current etag only (cheap polling for Watch).</summary>
    public Task<string?> GetEtagAsync(string name, CancellationToken cancellationToken) =>
        db.AllocationRuns.AsNoTracking().Where(r => r.Name == name).Select(r => r.Etag).SingleOrDefaultAsync(cancellationToken);

    public async Task<(IReadOnlyList<AllocationRun> Items, bool HasMore)> ListAsync(string parent, int offset, int pageSize, CancellationToken cancellationToken)
    {
        var records = await db.AllocationRuns.AsNoTracking()
            .Where(r => r.Parent == parent)
            .OrderByDescending(r => r.CreateTimeMs).ThenByDescending(r => r.Name)
            .Skip(offset).Take(pageSize + 1)
            .Select(View)
            .ToListAsync(cancellationToken);
        return (records.Take(pageSize).Select(Present).ToList(), records.Count > pageSize);
    }

    /// <summary>
    /// Claims the oldest queued run, or a running one whose lease expired (its replica died), in one atomic
    /// statement; null when there is none. PostgreSQL: <c>UPDATE … WHERE "Name" = (SELECT … FOR UPDATE SKIP
    /// LOCKED LIMIT 1) RETURNING</c>, so concurrent replicas never get the same row and never wait on each other.
    /// SQLite (one process): the same statement without the lock clause; SQLite serialises writers.
    /// A run claimed more than <paramref name="maxAttempts"/> times without a graceful release is failed
    /// (dead letter) in the same transaction and the next one is tried.
    /// </summary>
    public async Task<AllocationRun?> TryClaimAsync(string owner, TimeSpan lease, int maxAttempts, CancellationToken cancellationToken)
    {
        while (true)
        {
            var now = Now();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var name = await ClaimOneAsync(owner, now, now + (long)lease.TotalMilliseconds, transaction, cancellationToken);
            if (name is null)
            {
                return null;
            }

            var record = await db.AllocationRuns.SingleAsync(r => r.Name == name, cancellationToken);
            var run = ProtoJson.Read<AllocationRun>(record.Payload);
            var deadLetter = record.Attempts - record.Releases > maxAttempts;
            if (deadLetter)
            {
                run.Error = new Google.Rpc.Status
                {
                    Code = (int)global::Grpc.Core.StatusCode.Aborted,
                    Message = $"Gave up after {maxAttempts} attempts that did not finish (crashed or lost their lease).",
                };
                run.EndTime = Timestamp.FromDateTimeOffset(time.GetUtcNow());
                SetState(record, run, State.Failed);
                record.LeaseOwner = null;
                record.LeaseUntilMs = 0;
            }
            else if (record.CancelRequested)
            {
                run.EndTime = Timestamp.FromDateTimeOffset(time.GetUtcNow());
                SetState(record, run, State.Cancelled);
                record.LeaseOwner = null;
                record.LeaseUntilMs = 0;
                deadLetter = true;
            }
            else
            {
                run.StartTime = Timestamp.FromDateTimeOffset(time.GetUtcNow());
                run.State = State.Running;
            }

            record.Payload = ProtoJson.Write(run);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            if (!deadLetter)
            {
                return Present(record);
            }
        }
    }

    private async Task<string?> ClaimOneAsync(
        string owner, long now, long leaseUntil, IDbContextTransaction transaction,
        CancellationToken cancellationToken)
    {
        var lockClause = db.Database.IsNpgsql() ? " FOR UPDATE SKIP LOCKED" : "";
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = $"""
            UPDATE allocation_runs
               SET "State" = {(int)State.Running}, "LeaseOwner" = @owner, "LeaseUntilMs" = @until,
                   "Attempts" = "Attempts" + 1, "Etag" = @etag, "UpdateTimeMs" = @now
             WHERE "Name" = (SELECT "Name" FROM allocation_runs
                              WHERE "State" = {(int)State.Queued}
                                 OR ("State" = {(int)State.Running} AND "LeaseUntilMs" < @now)
                              ORDER BY "CreateTimeMs", "Name"
                              LIMIT 1{lockClause})
            RETURNING "Name"
            """;
        AddParameter(command, "owner", owner);
        AddParameter(command, "until", leaseUntil);
        AddParameter(command, "etag", ResourceStore.NewEtag());
        AddParameter(command, "now", now);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    private static void AddParameter(System.Data.Common.DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>
    /// Renews the lease and stores progress; returns (still owner, cancel requested). A concurrent write (a
    /// planner's cancel request) is not a lost lease: the row is read again and the heartbeat retried.
    /// </summary>
    public Task<(bool Owned, bool CancelRequested)> HeartbeatAsync(
        string name, string owner, TimeSpan lease, RunProgress? progress, CancellationToken cancellationToken) =>
        HeartbeatAsync(name, owner, lease, progress, null, cancellationToken);

    /// <summary>
    /// Renews the lease and stores the latest progress and, when given, the plan of the latest ended tier as the run's
    /// checkpoint (ProblemJson), so a replica that claims the run after this one crashed continues from it.
    /// </summary>
    public async Task<(bool Owned, bool CancelRequested)> HeartbeatAsync(
        string name, string owner, TimeSpan lease, RunProgress? progress, string? checkpoint, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var record = await db.AllocationRuns.SingleOrDefaultAsync(r => r.Name == name, cancellationToken);
            if (record is null || record.LeaseOwner != owner || record.State != (int)State.Running)
            {
                return (false, false);
            }

            record.LeaseUntilMs = Now() + (long)lease.TotalMilliseconds;
            if (progress is not null)
            {
                var run = ProtoJson.Read<AllocationRun>(record.Payload);
                if (!progress.Equals(run.Progress))
                {
                    run.Progress = progress;
                    record.Payload = ProtoJson.Write(run);
                    record.Etag = ResourceStore.NewEtag();
                }
            }

            if (checkpoint is not null && record.ProblemSnapshot is null)
            {
                record.EngineAllocation = checkpoint;
            }

            record.UpdateTimeMs = Now();
            if (await TrySaveAsync(cancellationToken))
            {
                return (true, record.CancelRequested);
            }
        }

        return (false, false);
    }

    /// <summary>
    /// Stores the final state, allocation and schedules in one transaction, if the lease is still ours
    /// (retried when a concurrent cancel request changed the row).
    /// </summary>
    public async Task<bool> CompleteAsync(
        string name, string owner, Action<AllocationRun> finish, Allocation? allocation,
        IReadOnlyDictionary<string, PupilSchedule>? schedules, CancellationToken cancellationToken, RunSnapshot? snapshot = null)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (await TryCompleteAsync(name, owner, finish, allocation, schedules, snapshot, cancellationToken) is { } done)
            {
                return done;
            }
        }

        return false;
    }

    /// <remarks>
    /// Fencing: the row is read with <c>LeaseOwner = owner</c> and written back only if its etag is unchanged
    /// (<c>UPDATE … WHERE "Name" = @name AND "Etag" = @read</c>); every claim writes a new etag, so a replica
    /// whose lease expired and was re-claimed can never overwrite the new owner's work.
    /// </remarks>
    private async Task<bool?> TryCompleteAsync(
        string name, string owner, Action<AllocationRun> finish, Allocation? allocation,
        IReadOnlyDictionary<string, PupilSchedule>? schedules, RunSnapshot? snapshot, CancellationToken cancellationToken)
    {
        var record = await db.AllocationRuns.SingleOrDefaultAsync(r => r.Name == name, cancellationToken);
        if (record is null || record.LeaseOwner != owner || record.State != (int)State.Running)
        {
            return false;
        }

        var run = ProtoJson.Read<AllocationRun>(record.Payload);
        finish(run);
        run.EndTime = Timestamp.FromDateTimeOffset(time.GetUtcNow());
        SetState(record, run, run.State);
        record.Payload = ProtoJson.Write(run);
        record.LeaseOwner = null;
        record.LeaseUntilMs = 0;
        record.Result = allocation is null ? null : ProtoJson.Write(allocation);
        record.ProblemSnapshot = snapshot?.Problem;
        record.EngineAllocation = snapshot?.Allocation;
        record.Diff = snapshot?.Diff;
        db.PupilSchedules.RemoveRange(db.PupilSchedules.Where(s => s.Run == name));
        foreach (var (pupil, schedule) in schedules ?? new Dictionary<string, PupilSchedule>())
        {
            db.PupilSchedules.Add(new PupilScheduleRecord { Run = name, Pupil = pupil, Payload = ProtoJson.Write(schedule) });
        }

        return await TrySaveAsync(cancellationToken) ? true : null;
    }

    /// <summary>
    /// Gives a claimed run back to the queue (graceful shutdown): state queued, lease cleared, at once claimable
    /// by any replica. The claim counts in attempt_count but not towards the dead-letter limit. A run whose
    /// cancel was requested meanwhile ends cancelled instead. False when the lease was no longer ours.
    /// </summary>
    public Task<bool> ReleaseAsync(string name, string owner, CancellationToken cancellationToken) =>
        ReleaseAsync(name, owner, null, cancellationToken);

    /// <summary>
    /// Gives a running run back to the queue (or ends it when a cancel was asked for). <paramref name="checkpoint"/>,
    /// the best Engine allocation so far (ProblemJson), is kept with the queued run so the next claim continues from
    /// it; a run never finished has no problem snapshot, so the checkpoint is never read as a result.
    /// </summary>
    public async Task<bool> ReleaseAsync(string name, string owner, string? checkpoint, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var record = await db.AllocationRuns.SingleOrDefaultAsync(r => r.Name == name, cancellationToken);
            if (record is null || record.LeaseOwner != owner || record.State != (int)State.Running)
            {
                return false;
            }

            var run = ProtoJson.Read<AllocationRun>(record.Payload);
            if (record.CancelRequested)
            {
                run.EndTime = Timestamp.FromDateTimeOffset(time.GetUtcNow());
                SetState(record, run, State.Cancelled);
            }
            else
            {
                SetState(record, run, State.Queued);
                record.Releases++;
                record.EngineAllocation = checkpoint ?? record.EngineAllocation;
            }

            record.Payload = ProtoJson.Write(run);
            record.LeaseOwner = null;
            record.LeaseUntilMs = 0;
            if (await TrySaveAsync(cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Cancels a queued run at once, or asks the worker to stop a running one. Null when not found.</summary>
    /// <remarks>Changed is false when the run had already finished (or a cancel was already requested).</remarks>
    public async Task<(AllocationRun? Run, bool Changed)> CancelAsync(string name, CancellationToken cancellationToken)
    {
        var record = await db.AllocationRuns.SingleOrDefaultAsync(r => r.Name == name, cancellationToken);
        if (record is null)
        {
            return (null, false);
        }

        var run = ProtoJson.Read<AllocationRun>(record.Payload);
        if (record.State == (int)State.Queued)
        {
            run.EndTime = Timestamp.FromDateTimeOffset(time.GetUtcNow());
            SetState(record, run, State.Cancelled);
            record.Payload = ProtoJson.Write(run);
        }
        else if (record.State == (int)State.Running && !record.CancelRequested)
        {
            record.CancelRequested = true;
            record.Etag = ResourceStore.NewEtag();
        }
        else
        {
            return (Present(record), record.State == (int)State.Running);
        }

        await SaveOrAbortAsync(name, cancellationToken);
        return (Present(record), true);
    }

    /// <summary>Makes the run the subregion's published one and unpublishes the previous, in one transaction.</summary>
    public async Task<AllocationRun> PublishAsync(string name, CancellationToken cancellationToken)
    {
        var record = await db.AllocationRuns.SingleAsync(r => r.Name == name, cancellationToken);
        foreach (var other in await db.AllocationRuns.Where(r => r.Parent == record.Parent && r.Published && r.Name != name).ToListAsync(cancellationToken))
        {
            other.Published = false;
            other.Etag = ResourceStore.NewEtag();
        }

        var run = ProtoJson.Read<AllocationRun>(record.Payload);
        run.PublishTime = Timestamp.FromDateTimeOffset(time.GetUtcNow());
        record.Payload = ProtoJson.Write(run);
        record.Published = true;
        record.Etag = ResourceStore.NewEtag();
        await SaveOrAbortAsync(name, cancellationToken);
        return Present(record);
    }

    public async Task<Allocation?> GetAllocationAsync(string runName, CancellationToken cancellationToken) =>
        await db.AllocationRuns.AsNoTracking().Where(r => r.Name == runName).Select(r => r.Result).SingleOrDefaultAsync(cancellationToken) is { } json
            ? ProtoJson.Read<Allocation>(json)
            : null;

    /// <summary>The best plan an interrupted run left when it was released (ProblemJson), or null; never a finished run's result.</summary>
    public async Task<string?> GetCheckpointAsync(string runName, CancellationToken cancellationToken) =>
        await db.AllocationRuns.AsNoTracking().Where(r => r.Name == runName && r.ProblemSnapshot == null)
            .Select(r => r.EngineAllocation).SingleOrDefaultAsync(cancellationToken);

    /// <summary>The Engine problem and allocation the run was solved with (and its diff), or null when it has none.</summary>
    public async Task<RunSnapshot?> GetSnapshotAsync(string runName, CancellationToken cancellationToken)
    {
        var row = await db.AllocationRuns.AsNoTracking().Where(r => r.Name == runName)
            .Select(r => new { r.ProblemSnapshot, r.EngineAllocation, r.Diff }).SingleOrDefaultAsync(cancellationToken);
        return row?.ProblemSnapshot is { } problem && row.EngineAllocation is { } allocation ? new RunSnapshot(problem, allocation, row.Diff) : null;
    }

    /// <summary>The stored diff of a finished re-plan (JSON), or null; reads that column only, not the snapshot.</summary>
    public async Task<string?> GetDiffAsync(string runName, CancellationToken cancellationToken) =>
        await db.AllocationRuns.AsNoTracking().Where(r => r.Name == runName).Select(r => r.Diff).SingleOrDefaultAsync(cancellationToken);

    /// <summary>Every pupil's stored schedule of a run, keyed by pupil name.</summary>
    public async Task<IReadOnlyDictionary<string, PupilSchedule>> GetSchedulesAsync(string run, CancellationToken cancellationToken) =>
        (await db.PupilSchedules.AsNoTracking().Where(s => s.Run == run).ToListAsync(cancellationToken))
            .ToDictionary(s => s.Pupil, s => ProtoJson.Read<PupilSchedule>(s.Payload));

    /// <summary>The subregion's published run, or null.</summary>
    public async Task<AllocationRun?> GetPublishedAsync(string subregion, CancellationToken cancellationToken) =>
        await db.AllocationRuns.AsNoTracking().Where(r => r.Parent == subregion && r.Published).Select(View).SingleOrDefaultAsync(cancellationToken) is { } record
            ? Present(record)
            : null;

    public async Task<PupilSchedule?> GetScheduleAsync(string run, string pupil, CancellationToken cancellationToken) =>
        await db.PupilSchedules.AsNoTracking().Where(s => s.Run == run && s.Pupil == pupil).Select(s => s.Payload).SingleOrDefaultAsync(cancellationToken) is { } json
            ? ProtoJson.Read<PupilSchedule>(json)
            : null;

    private void SetState(AllocationRunRecord record, AllocationRun run, State state)
    {
        run.State = state;
        record.State = (int)state;
        record.Etag = ResourceStore.NewEtag();
        record.UpdateTimeMs = Now();
    }

    private async Task<bool> TrySaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private async Task SaveOrAbortAsync(string name, CancellationToken cancellationToken)
    {
        if (!await TrySaveAsync(cancellationToken))
        {
            throw new EtagMismatchException(name);
        }
    }

    private long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();

    private static AllocationRun Present(AllocationRunRecord record)
    {
        var run = ProtoJson.Read<AllocationRun>(record.Payload);
        run.Name = record.Name;
        run.State = (State)record.State;
        run.Etag = record.Etag;
        run.Published = record.Published;
        run.AttemptCount = record.Attempts;
        return run;
    }
}
