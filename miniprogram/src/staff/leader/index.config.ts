export default definePageConfig({ navigationBarTitleText: '领导包案与接访' })
