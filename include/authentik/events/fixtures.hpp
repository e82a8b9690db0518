#ifndef AUTHENTIK_EVENTS_FIXTURES_HPP
#define AUTHENTIK_EVENTS_FIXTURES_HPP

/// Test fixtures from a seed: valid values of every described type, shaped like a server's
/// output where the type is the API's, and invalid payloads that break one rule each, labelled
/// with what the validator must report. Not part of authentik/events.hpp: a test dependency.

#include <authentik/events/fixtures/catalog.hpp>
#include <authentik/events/fixtures/generator.hpp>
#include <authentik/events/fixtures/mutations.hpp>
#include <authentik/events/fixtures/options.hpp>
#include <authentik/events/fixtures/prng.hpp>
#include <authentik/events/fixtures/scenes.hpp>
#include <authentik/events/fixtures/values.hpp>

#endif
