namespace ImageRules.Domain;

/// <summary>Whether an account is a root account or a collaborator (sub-)account of one.</summary>
public enum AccountKind
{
    /// <summary>A root account: it owns resources and may receive shared images.</summary>
    Root,

    /// <summary>A collaborator or sub-account: it may never receive a share (R23).</summary>
    Collaborator,
}
