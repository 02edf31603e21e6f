using AssetTrace.Graph.Model;

namespace AssetTrace.Cases;

/// <summary>
/// A case of the office: requests, leads and roster entries refer to it, and its subjects
/// are nodes of the graph.
/// </summary>
/// <param name="CrimeType">A code from graph-schema/codelists/crime-type.csv.</param>
/// <param name="Team">Usernames of the people working the case.</param>
/// <param name="Supervisors">Usernames of the supervisors named on the case: they see its restricted facts as the team does.</param>
public sealed record Case(
    string Id,
    string Number,
    string Title,
    string CrimeType,
    CaseStatus Status,
    IReadOnlyList<string> Team,
    DateOnly OpenedOn,
    IReadOnlyList<CaseSubject> Subjects,
    Stamp Stamp,
    IReadOnlyList<string> Supervisors)
{
    /// <summary>Everyone who works on the case: its team and its supervisors.</summary>
    public IEnumerable<string> Members => Team.Concat(Supervisors).Distinct(StringComparer.Ordinal);
}

/// <summary>A node the case is about, and in what role (suspect, relative, asset, …).</summary>
public sealed record CaseSubject(string NodeId, string Role, DateTimeOffset AddedAt, string AddedBy);

/// <summary>What a user gives to open a case.</summary>
public sealed record CaseDraft(string Number, string Title, string CrimeType, IReadOnlyList<string> Team, DateOnly? OpenedOn, string? Id = null,
    IReadOnlyList<string>? Supervisors = null);

/// <summary>A change to a case; null fields stay as they are.</summary>
public sealed record CasePatch(string Id, string Reason, string? Title = null, string? CrimeType = null, CaseStatus? Status = null, IReadOnlyList<string>? Team = null, int? ExpectedVersion = null,
    IReadOnlyList<string>? Supervisors = null);
