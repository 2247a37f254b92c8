# syntax=docker/dockerfile:1

# Build: the same command as the README's quick start, without the tests.
FROM eclipse-temurin:17.0.15_6-jdk-noble AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q install -DskipTests

# Run: a JRE only, as an unprivileged user.
FROM eclipse-temurin:17.0.15_6-jre-noble
RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin warden \
    && mkdir -p /app/data \
    && chown -R warden /app
WORKDIR /app
COPY --from=build /src/app/target/app-0.1.0-SNAPSHOT.jar /app/warden.jar
USER warden
ENV PORT=8080
EXPOSE 8080
# Arguments after the image name go to Warden: `docker run IMAGE --roles=query`, `docker run IMAGE db info`.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/warden.jar"]
