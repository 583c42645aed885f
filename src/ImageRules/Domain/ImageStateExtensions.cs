namespace ImageRules.Domain;

/// <summary>Questions about <see cref="ImageState"/> that several rules ask.</summary>
public static class ImageStateExtensions
{
    /// <summary>True while the platform is still producing the image (<c>Creating</c>, <c>Importing</c>, <c>Syncing</c>): it cannot be deleted (R16).</summary>
    public static bool IsInProgress(this ImageState state) =>
        state is ImageState.Creating or ImageState.Importing or ImageState.Syncing;

    /// <summary>The state an in-progress image moves to when the platform reports its outcome (R10, R14); null when it is not in progress.</summary>
    public static ImageState? Completed(this ImageState state, bool succeeded) => state switch
    {
        ImageState.Creating => succeeded ? ImageState.Normal : ImageState.CreateFailed,
        ImageState.Importing => succeeded ? ImageState.Normal : ImageState.ImportFailed,
        ImageState.Syncing => succeeded ? ImageState.Normal : ImageState.SyncFailed,
        _ => null,
    };
}
