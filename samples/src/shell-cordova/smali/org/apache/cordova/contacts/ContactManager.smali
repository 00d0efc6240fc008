.class public Lorg/apache/cordova/contacts/ContactManager;
.super Lorg/apache/cordova/CordovaPlugin;
.source "ContactManager.java"

# cordova-plugin-contacts stand-in: navigator.contacts.find() in the page arrives here as action "search";
# the plugin reads every contact and answers the page through the CallbackContext.

.method public constructor <init>()V
    .registers 1
    invoke-direct {p0}, Lorg/apache/cordova/CordovaPlugin;-><init>()V
    return-void
.end method

.method public execute(Ljava/lang/String;Lorg/json/JSONArray;Lorg/apache/cordova/CallbackContext;)Z
    .registers 5
    invoke-direct {p0, p3}, Lorg/apache/cordova/contacts/ContactManager;->search(Lorg/apache/cordova/CallbackContext;)V
    const/4 v0, 0x1
    return v0
.end method

.method private search(Lorg/apache/cordova/CallbackContext;)V
    .registers 10
    iget-object v0, p0, Lorg/apache/cordova/contacts/ContactManager;->cordova:Landroid/app/Activity;
    invoke-virtual {v0}, Landroid/app/Activity;->getContentResolver()Landroid/content/ContentResolver;
    move-result-object v1
    sget-object v2, Landroid/provider/ContactsContract$CommonDataKinds$Phone;->CONTENT_URI:Landroid/net/Uri;
    const/4 v3, 0x0
    const/4 v4, 0x0
    const/4 v5, 0x0
    const/4 v6, 0x0
    invoke-virtual/range {v1 .. v6}, Landroid/content/ContentResolver;->query(Landroid/net/Uri;[Ljava/lang/String;Ljava/lang/String;[Ljava/lang/String;Ljava/lang/String;)Landroid/database/Cursor;
    move-result-object v7
    new-instance v8, Lorg/json/JSONArray;
    invoke-direct {v8}, Lorg/json/JSONArray;-><init>()V
    invoke-virtual {v8, v7}, Lorg/json/JSONArray;->put(Ljava/lang/Object;)Lorg/json/JSONArray;
    invoke-virtual {p1, v8}, Lorg/apache/cordova/CallbackContext;->success(Lorg/json/JSONArray;)V
    return-void
.end method
