# AssetTrace web app image, used by docker-compose.yml.

# --- build ---------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
# The whole tree is copied (see .dockerignore) because the project builds
# with the repository-wide Directory.*.props and shared files.
COPY . .
RUN dotnet publish src/AssetTrace/AssetTrace.csproj -c Release -o /app

# --- runtime -------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .

ENV ASPNETCORE_URLS=http://+:8080 \
    Storage__DataDirectory=/data

# The image's unprivileged "app" user owns the data directory, so a named
# volume mounted there starts out writable by it.
RUN mkdir -p /data && chown app:app /data
VOLUME /data
USER app

EXPOSE 8080
ENTRYPOINT ["dotnet", "assettrace.dll"]
