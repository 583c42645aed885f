namespace ImageRules.Storage.Tests.Support;

/// <summary>A test that starts its own <see cref="PrivateServer"/>: skipped, saying why, where PostgreSQL is not installed.</summary>
public sealed class PrivateServerFactAttribute : FactAttribute
{
    public PrivateServerFactAttribute()
    {
        if (PrivateServer.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
