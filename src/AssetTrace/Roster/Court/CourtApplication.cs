using AssetTrace.Graph.Model;

namespace AssetTrace.Roster.Court;

/// <summary>
/// The draft application to court for an entry whose deadline passed: exactly the unexplained
/// assets, each with the ownership paths that tie it to the subject or a connected person and the
/// source of every step. Paths that rest on intelligence without the provider's consent are left out and counted.
/// </summary>
public sealed record CourtApplication(string EntryId, string? Number, string SubjectId, string SubjectName, IReadOnlyList<CourtAsset> Assets);

/// <summary>An unexplained asset and its evidence.</summary>
/// <param name="Source">Where the asset's own record comes from; null when it is intelligence that may not go to court.</param>
/// <param name="WithheldPaths">Paths left out because a step is intelligence without consent on the ledger.</param>
public sealed record CourtAsset(string NodeId, NodeKind Kind, string Name, string? Source, IReadOnlyList<EvidencePath> Paths, int WithheldPaths);

/// <summary>One ownership path, from the holder to the asset, and the source of each of its steps.</summary>
public sealed record EvidencePath(IReadOnlyList<string> NodeNames, IReadOnlyList<string> Sources);
