namespace AssetTrace.Common;

/// <summary>One thing wrong with the input: which field, and what is wrong with it.</summary>
/// <param name="Field">Path of the field as the user wrote it, e.g. <c>input.properties.birthDate</c>.</param>
public sealed record FieldError(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}

/// <summary>Input a user can fix. Nothing has been written when this is thrown.</summary>
public sealed class UserInputException : Exception
{
    public UserInputException(IReadOnlyList<FieldError> errors)
        : base(string.Join("; ", errors))
    {
        Errors = errors;
    }

    public UserInputException(string field, string message)
        : this([new FieldError(field, message)])
    {
    }

    public IReadOnlyList<FieldError> Errors { get; }
}
