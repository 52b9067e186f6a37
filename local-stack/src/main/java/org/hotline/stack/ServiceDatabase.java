package org.hotline.stack;

/**
 * One service's database and its two login roles: the owner ({@code NAME_owner}), which owns the
 * database and every table in it and runs the service's Flyway migrations, and the runtime role
 * ({@code NAME_app}) the service connects as, which owns nothing and may only read and write rows
 * (the migrations grant it that, and on the audit log only INSERT and SELECT). Neither is a
 * superuser, and neither may connect to another service's database.
 */
public record ServiceDatabase(String name, String ownerPassword, String runtimePassword) {

    public String owner() {
        return name + "_owner";
    }

    public String runtimeRole() {
        return name + "_app";
    }
}
