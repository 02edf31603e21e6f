using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AssetTrace.Accounts;

public static class AccountServices
{
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccountOptions>().Bind(configuration.GetSection("Accounts"))
            .Validate(o => o.SessionLifetime > TimeSpan.Zero && o.ApiTokenDefaultLifetime > TimeSpan.Zero
                && o.ApiTokenDefaultLifetime <= o.ApiTokenMaxLifetime, "Accounts: lifetimes must be positive and ApiTokenDefaultLifetime at most ApiTokenMaxLifetime.")
            .Validate(o => o.MaxFailuresPerAccount > 0 && o.MaxFailuresPerAddress > 0 && o.FailureWindow > TimeSpan.Zero,
                "Accounts: MaxFailuresPerAccount, MaxFailuresPerAddress and FailureWindow must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton<IPasswordHasher<string>, PasswordHasher<string>>();
        services.AddSingleton<Passwords>();
        services.AddSingleton<AccountStore>();
        services.AddSingleton<TokenStore>();
        services.AddSingleton<UserAdministration>();
        services.AddSingleton<UserEmail>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<SignIn>();
        services.AddSingleton<FirstRunAdmin>();
        return services;
    }
}
