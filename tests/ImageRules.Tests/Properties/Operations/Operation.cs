using ImageRules.Domain;

namespace ImageRules.Tests.Properties;

/// <summary>
/// One step of a generated <see cref="Script"/>: a call of the image service, which the properties run on the real
/// service and on the <see cref="ReferenceModel"/>. Each operation reads as a sentence, so a shrunk counterexample
/// prints as a readable list of operations.
/// </summary>
public abstract record Operation
{
    /// <summary>True when the operation only reads, so it can never change what is stored.</summary>
    public virtual bool IsRead => false;

    /// <summary>Runs the operation on the real service.</summary>
    public abstract Outcome RunOn(ServiceUnderTest service, Bindings bindings);

    /// <summary>Runs the operation on the model.</summary>
    public abstract Outcome RunOn(ReferenceModel model, Bindings bindings);

    /// <summary>What the operation's names stand for in this run, for the trace of a failing run.</summary>
    public virtual string Resolved(Bindings bindings) => string.Empty;

    /// <summary>
    /// The image <paramref name="image"/> names in this run, the account <paramref name="who"/> names for it and the
    /// region <paramref name="where"/> names for it.
    /// </summary>
    protected static (AccountId Caller, ImageId Id, RegionId Region) Resolve(Bindings bindings, Who who, ImageRef image, Where where)
    {
        ArgumentNullException.ThrowIfNull(bindings);
        var id = bindings.Resolve(image);
        return (bindings.Resolve(who, id), id, bindings.Resolve(where, id));
    }

    /// <summary>The resolution of an operation on an image, as <see cref="Resolved"/> shows it.</summary>
    protected static string Show(Bindings bindings, Who who, ImageRef image, Where where)
    {
        var (caller, id, region) = Resolve(bindings, who, image, where);
        return $"{caller} on {id} in {region}";
    }

    /// <summary>Account ids as a readable list.</summary>
    protected static string List(IEnumerable<AccountId> accounts) => "[" + string.Join(", ", accounts) + "]";
}
