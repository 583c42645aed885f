namespace ImageRules.AspNetCore.Wire;

/// <summary>The JSON body of one action's request, named and typed as the provider's SDK models name and type it.</summary>
/// <remarks>
/// Every property is nullable, as every field of the SDKs is a pointer or optional: absent and <c>null</c> are one
/// on the wire (the Node SDK drops null properties before it sends). A request that <see cref="WireRequestReader"/>
/// returns has passed <see cref="Validate"/>: the properties the SDK model marks required are set, no array holds a
/// null, and counts are within <see cref="WireLimits"/>. Properties the SDKs send that this service does not use are
/// skipped, not refused. Immutable; value equality (lists compare by reference).
/// </remarks>
internal abstract record WireRequest
{
    /// <summary>The first rule of the provider that this request breaks, or null when it is well formed.</summary>
    public abstract WireError? Validate();
}
