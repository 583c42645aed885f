using ImageRules.Domain;

namespace ImageRules.Benchmarks;

/// <summary>An image as the floor and the peer of the launch benchmarks index it by id, with who holds a grant for it.</summary>
/// <param name="Image">The image.</param>
/// <param name="Recipients">The accounts holding a grant: what the floor and the peer test membership in.</param>
internal sealed record LaunchEntry(Image Image, HashSet<AccountId> Recipients);
