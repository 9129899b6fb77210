export default definePageConfig({ navigationBarTitleText: '举报须知与保密说明' })
