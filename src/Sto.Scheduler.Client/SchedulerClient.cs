using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Sto.Scheduler.Api.V1;
using Sto.Scheduler.Client.Allocations;
using Sto.Scheduler.Client.Paging;

namespace Sto.Scheduler.Client;

/// <summary>
/// The typed client of the STO Scheduler service: one generated client per <c>sto.scheduler.v1</c> service over one
/// channel, plus conveniences (lists as <see cref="IAsyncEnumerable{T}"/>, waiting for a run). Every call carries the
/// bearer token and a deadline, and fails with <see cref="SchedulerException"/> instead of <see cref="RpcException"/>.
/// </summary>
/// <example>
/// <code>
/// using var client = new SchedulerClient(new SchedulerClientOptions { BearerToken = token });
/// var run = await client.Allocations.CreateAllocationRunAsync(new CreateAllocationRunRequest { Parent = subregion, AllocationRun = new() });
/// var done = await client.WaitForAllocationRunAsync(run.Name);
/// </code>
/// </example>
public sealed class SchedulerClient : IDisposable
{
    private readonly GrpcChannel? _ownedChannel;

    /// <summary>Opens a channel to <see cref="SchedulerClientOptions.Address"/>; disposing the client closes it.</summary>
    public SchedulerClient(SchedulerClientOptions options)
        : this(GrpcChannel.ForAddress(Check(options).Address), options, ownsChannel: true)
    {
    }

    /// <summary>Uses a channel the caller owns (for example one over a test server's handler).</summary>
    public SchedulerClient(ChannelBase channel, SchedulerClientOptions options, TimeProvider? time = null)
        : this(Check(channel).CreateCallInvoker(), options, time) => Channel = channel;

    private SchedulerClient(GrpcChannel channel, SchedulerClientOptions options, bool ownsChannel)
        : this(channel, options, TimeProvider.System)
    {
        if (ownsChannel)
        {
            _ownedChannel = channel;
        }
    }

    /// <summary>Uses any call invoker (for example one with extra interceptors); the token and deadlines are added here.</summary>
    public SchedulerClient(CallInvoker callInvoker, SchedulerClientOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(callInvoker);
        Options = Check(options);
        var invoker = callInvoker.Intercept(new SchedulerCallInterceptor(options, time ?? TimeProvider.System));
        Subregions = new SubregionService.SubregionServiceClient(invoker);
        Schools = new SchoolService.SchoolServiceClient(invoker);
        Venues = new VenueService.VenueServiceClient(invoker);
        Offers = new ElectiveOfferService.ElectiveOfferServiceClient(invoker);
        Pupils = new PupilService.PupilServiceClient(invoker);
        Staff = new StaffService.StaffServiceClient(invoker);
        Allocations = new AllocationService.AllocationServiceClient(invoker);
        Schedules = new PupilScheduleService.PupilScheduleServiceClient(invoker);
    }

    /// <summary>Used by <see cref="SchedulerClientServiceCollectionExtensions.AddSchedulerClient"/>: clients from the client factory.</summary>
    internal SchedulerClient(
        SchedulerClientOptions options,
        SubregionService.SubregionServiceClient subregions,
        SchoolService.SchoolServiceClient schools,
        VenueService.VenueServiceClient venues,
        ElectiveOfferService.ElectiveOfferServiceClient offers,
        PupilService.PupilServiceClient pupils,
        StaffService.StaffServiceClient staff,
        AllocationService.AllocationServiceClient allocations,
        PupilScheduleService.PupilScheduleServiceClient schedules)
    {
        Options = options;
        Subregions = subregions;
        Schools = schools;
        Venues = venues;
        Offers = offers;
        Pupils = pupils;
        Staff = staff;
        Allocations = allocations;
        Schedules = schedules;
    }

    /// <summary>The options this client was made with.</summary>
    public SchedulerClientOptions Options { get; }

    /// <summary>The channel when the client was made from one, otherwise <c>null</c>.</summary>
    public ChannelBase? Channel { get; }

    /// <summary>Subregions and their equipment kits (planners).</summary>
    public SubregionService.SubregionServiceClient Subregions { get; }

    /// <summary>Schools of a subregion.</summary>
    public SchoolService.SchoolServiceClient Schools { get; }

    /// <summary>Venues of a subregion.</summary>
    public VenueService.VenueServiceClient Venues { get; }

    /// <summary>Elective offers of a school.</summary>
    public ElectiveOfferService.ElectiveOfferServiceClient Offers { get; }

    /// <summary>Pupils and their ranked choices, including <c>BatchUpsertPupils</c>.</summary>
    public PupilService.PupilServiceClient Pupils { get; }

    /// <summary>Staff members and their availability, including <c>BatchUpsertStaffMembers</c>.</summary>
    public StaffService.StaffServiceClient Staff { get; }

    /// <summary>Allocation runs: create, watch, cancel, publish, compare, read the allocation.</summary>
    public AllocationService.AllocationServiceClient Allocations { get; }

    /// <summary>Pupils' schedules from the published run, also as iCalendar.</summary>
    public PupilScheduleService.PupilScheduleServiceClient Schedules { get; }

    /// <summary>Every elective offer of <paramref name="school"/>, page by page.</summary>
    public IAsyncEnumerable<ElectiveOffer> ListElectiveOffersAsync(string school, int pageSize = 0, CancellationToken cancellationToken = default) =>
        PageEnumerator.EnumerateAsync(
            (token, ct) => Offers.ListElectiveOffersAsync(new ListElectiveOffersRequest { Parent = school, PageSize = pageSize, PageToken = token }, cancellationToken: ct).ResponseAsync,
            r => r.ElectiveOffers, r => r.NextPageToken, cancellationToken);

    /// <summary>Every pupil of <paramref name="school"/>, page by page.</summary>
    public IAsyncEnumerable<Pupil> ListPupilsAsync(string school, int pageSize = 0, CancellationToken cancellationToken = default) =>
        PageEnumerator.EnumerateAsync(
            (token, ct) => Pupils.ListPupilsAsync(new ListPupilsRequest { Parent = school, PageSize = pageSize, PageToken = token }, cancellationToken: ct).ResponseAsync,
            r => r.Pupils, r => r.NextPageToken, cancellationToken);

    /// <summary>Every staff member of <paramref name="school"/>, page by page.</summary>
    public IAsyncEnumerable<StaffMember> ListStaffMembersAsync(string school, int pageSize = 0, CancellationToken cancellationToken = default) =>
        PageEnumerator.EnumerateAsync(
            (token, ct) => Staff.ListStaffMembersAsync(new ListStaffMembersRequest { Parent = school, PageSize = pageSize, PageToken = token }, cancellationToken: ct).ResponseAsync,
            r => r.StaffMembers, r => r.NextPageToken, cancellationToken);

    /// <summary>Every school of <paramref name="subregion"/>, page by page.</summary>
    public IAsyncEnumerable<School> ListSchoolsAsync(string subregion, int pageSize = 0, CancellationToken cancellationToken = default) =>
        PageEnumerator.EnumerateAsync(
            (token, ct) => Schools.ListSchoolsAsync(new ListSchoolsRequest { Parent = subregion, PageSize = pageSize, PageToken = token }, cancellationToken: ct).ResponseAsync,
            r => r.Schools, r => r.NextPageToken, cancellationToken);

    /// <summary>Every allocation run of <paramref name="subregion"/>, newest first, page by page.</summary>
    public IAsyncEnumerable<AllocationRun> ListAllocationRunsAsync(string subregion, int pageSize = 0, CancellationToken cancellationToken = default) =>
        PageEnumerator.EnumerateAsync(
            (token, ct) => Allocations.ListAllocationRunsAsync(new ListAllocationRunsRequest { Parent = subregion, PageSize = pageSize, PageToken = token }, cancellationToken: ct).ResponseAsync,
            r => r.AllocationRuns, r => r.NextPageToken, cancellationToken);

    /// <summary>
    /// Follows the run until it finishes (succeeded, failed or cancelled) and returns it; reports every update to
    /// <paramref name="progress"/>. Watches the run and polls it when the stream drops (see <see cref="AllocationRunWaiter"/>).
    /// </summary>
    public Task<AllocationRun> WaitForAllocationRunAsync(string name, IProgress<AllocationRun>? progress = null, CancellationToken cancellationToken = default) =>
        new AllocationRunWaiter(Allocations).WaitAsync(name, progress, cancellationToken);

    /// <summary>Closes the channel when this client opened it.</summary>
    public void Dispose() => _ownedChannel?.Dispose();

    private static T Check<T>(T value)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value);
        return value;
    }
}
