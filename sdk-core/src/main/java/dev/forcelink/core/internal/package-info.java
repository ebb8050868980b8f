/**
 * Implementation details shared by Forcelink modules. Not part of the public API: types here may
 * change in any release and must not be used by applications.
 */
package dev.forcelink.core.internal;
