using ImageRules.Domain;

namespace ImageRules.Policy;

/// <summary>The identity a new image will get if the policy allows it: supplied by the caller so the policy stays pure (no id generator, no clock).</summary>
/// <param name="Id">A fresh image id, unused anywhere.</param>
/// <param name="CreatedAt">The current time.</param>
public readonly record struct NewImage(ImageId Id, DateTimeOffset CreatedAt);
