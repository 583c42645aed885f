namespace ImageRules.Storage;

/// <summary>
/// The store could not do its work for a reason outside the rules that is expected to pass by itself: the database
/// dropped the connection, is restarting or refusing connections, timed out, or held a lock past its timeout. The
/// cause is the <see cref="Exception.InnerException"/>, as the database's driver threw it.
/// </summary>
/// <remarks>
/// <para>A store throws it for each such failure, having written nothing unless <see cref="OutcomeUnknown"/> says
/// otherwise. <c>ImageService</c> makes the failed store call again, after a short jittered pause that doubles each
/// time, a bounded number of times (five attempts over about a second); when every attempt fails, this exception reaches
/// the caller: answer it as the provider answers an internal error, and try again later.</para>
/// <para>When <see cref="OutcomeUnknown"/> is true the failure came while a write was being committed, so the database may
/// or may not have kept it. Such a failure is never retried (a write decided again on facts that already hold it
/// would answer wrongly, say "duplicate name" for an image it has just created); read the state again to learn the
/// outcome. Errors that are the caller's or the library's fault (a constraint the change breaks, a newer schema) are
/// not this exception: they are thrown as they are and never retried.</para>
/// </remarks>
public sealed class ImageStoreUnavailableException : Exception
{
    /// <summary>A failure with a default message.</summary>
    public ImageStoreUnavailableException()
        : base("the image store is unavailable")
    {
    }

    /// <summary>A failure described by <paramref name="message"/>.</summary>
    public ImageStoreUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>A failure described by <paramref name="message"/>, caused by <paramref name="innerException"/>, whose outcome is known (nothing was written).</summary>
    public ImageStoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>A failure described by <paramref name="message"/>, caused by <paramref name="innerException"/>.</summary>
    /// <param name="message">One line: what could not be done and why.</param>
    /// <param name="innerException">The driver's exception.</param>
    /// <param name="outcomeUnknown">True when the failure came while a write was being committed (see <see cref="OutcomeUnknown"/>).</param>
    public ImageStoreUnavailableException(string message, Exception? innerException, bool outcomeUnknown)
        : base(message, innerException)
    {
        OutcomeUnknown = outcomeUnknown;
    }

    /// <summary>
    /// True when the failure came while a write was being committed: it may or may not have been kept, so it is not
    /// retried. False when nothing was written (the store call may safely be made again).
    /// </summary>
    public bool OutcomeUnknown { get; }
}
