package dev.forcelink.testkit.internal.org;

/**
 * Who the emulated org is and who may log in: org and user ids, the user's credentials and the connected app's
 * client credentials. Immutable; {@link #toString()} shows no secret.
 *
 * @param orgId 18-character org id ({@code 00D…})
 * @param userId 18-character user id ({@code 005…})
 * @param username the user's login name
 * @param password the user's password
 * @param securityToken the user's security token (may be appended to the password)
 * @param clientId the connected app's consumer key
 * @param clientSecret the connected app's consumer secret
 * @param firstName the user's first name
 * @param lastName the user's last name
 * @param email the user's email address
 */
public record OrgIdentity(String orgId, String userId, String username, String password, String securityToken,
                          String clientId, String clientSecret, String firstName, String lastName, String email) {

    /** @return the 15-character org id, the prefix of every access token */
    public String orgId15() {
        return orgId.substring(0, 15);
    }

    /** @return first and last name */
    public String displayName() {
        return (firstName + " " + lastName).trim();
    }

    @Override
    public String toString() {
        return "OrgIdentity[orgId=" + orgId + ", userId=" + userId + ", username=" + username + ", clientId="
                + clientId + "]";
    }
}
