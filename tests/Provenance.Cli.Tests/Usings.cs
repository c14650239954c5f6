global using Xunit;
global using Provenance.Testing;
